package nl.bluevitaal.notices.web;

import nl.bluevitaal.notices.NoticeBoard;
import nl.bluevitaal.privacy.CurrentActor;
import nl.bluevitaal.web.Ids;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The "Gelezen" button of a notice ({@code POST /meldingen/{id}/gelezen}). With htmx the notice's line is replaced by
 * a short confirmation; without JavaScript the page it was pressed on comes back, without the notice.
 */
@Controller
class NoticesController {

  static final String PATH = "/meldingen";

  private final NoticeBoard board;
  private final CurrentActor currentActor;

  NoticesController(NoticeBoard board, CurrentActor currentActor) {
    this.board = board;
    this.currentActor = currentActor;
  }

  @PostMapping(PATH + "/{noticeId}/gelezen")
  String read(@PathVariable String noticeId, @RequestParam(name = "terug", required = false) String back,
      @RequestHeader(name = "HX-Request", required = false) String htmx) {
    board.markRead(currentActor.get(), Ids.parse(noticeId));
    if (htmx != null) {
      return "notices/sections :: read";
    }
    // Only the pages that show notices: a return address from the request is never followed elsewhere.
    String to = NoticesSections.TASKLIST.equals(back) || NoticesSections.MY_JOURNEY.equals(back) ? back
        : NoticesSections.HOME;
    return "redirect:" + to;
  }
}

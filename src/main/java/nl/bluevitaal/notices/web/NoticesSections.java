package nl.bluevitaal.notices.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.bluevitaal.notices.Notice;
import nl.bluevitaal.notices.NoticeBoard;
import nl.bluevitaal.privacy.CurrentActor;
import nl.bluevitaal.web.PageSection.Section;
import nl.bluevitaal.web.PageSection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the notices add to other modules' pages: the caller's unread notices at the top of the home page (slot
 * {@code home.main}), of the task list (slot {@code tasklist.top}) and of the employee's Mijn traject (slot
 * {@code mijn-traject.notices}), each with a "Gelezen" button that comes back
 * to the page it was pressed on. Nothing when there is nothing unread. The fragment is in
 * {@code templates/notices/sections.html}.
 */
@Configuration(proxyBeanMethods = false)
class NoticesSections {

  static final String HOME = "/";
  static final String TASKLIST = "/taken";
  static final String MY_JOURNEY = "/mijn-traject";

  @Bean
  PageSection homeNotices(NoticeBoard board, CurrentActor currentActor) {
    return PageSection.of("home.main", 5, request -> unread(board, currentActor, HOME));
  }

  @Bean
  PageSection tasklistNotices(NoticeBoard board, CurrentActor currentActor) {
    return PageSection.of("tasklist.top", 10, request -> unread(board, currentActor, TASKLIST));
  }

  /** The employee's own start of everything: their reminders there too, above what waits for them. */
  @Bean
  PageSection myJourneyNotices(NoticeBoard board, CurrentActor currentActor) {
    return PageSection.of("mijn-traject.notices", 10, request -> unread(board, currentActor, MY_JOURNEY));
  }

  private static Optional<Section> unread(NoticeBoard board, CurrentActor currentActor, String back) {
    List<Notice.Stored> notices = board.unread(currentActor.get());
    if (notices.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Section("notices", "notices/sections :: unread",
        Map.of("notices", notices, "back", back)));
  }
}

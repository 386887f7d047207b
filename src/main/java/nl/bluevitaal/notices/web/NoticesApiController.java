package nl.bluevitaal.notices.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import nl.bluevitaal.notices.Notice;
import nl.bluevitaal.notices.NoticeBoard;
import nl.bluevitaal.privacy.CurrentActor;
import org.springframework.http.HttpStatus;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own notices: the unread ones, and marking one read. */
@RestController
@RequestMapping("/api/notices")
@Tag(name = "Notices", description = "The journey's deadline warnings and escalations, and the reminders the caller"
    + " chose, for the caller; link is the page in the app where the caller acts on it")
class NoticesApiController {

  /** One notice as the API shows it. */
  record NoticeResponse(UUID id, UUID caseId, String caseNumber, Notice.Kind kind, String title,
      @Nullable LocalDate dueOn, String link, OffsetDateTime createdAt) {

    static NoticeResponse of(Notice.Stored stored) {
      Notice notice = stored.notice();
      return new NoticeResponse(stored.id(), notice.caseId(), stored.caseNumber(), notice.kind(), notice.title(),
          notice.dueOn(), notice.link(), stored.createdAt());
    }
  }

  private final NoticeBoard board;
  private final CurrentActor currentActor;

  NoticesApiController(NoticeBoard board, CurrentActor currentActor) {
    this.board = board;
    this.currentActor = currentActor;
  }

  @GetMapping
  @ApiResponse(responseCode = "200", description = "The caller's unread notices, newest first")
  @Operation(summary = "The caller's unread notices, newest first",
      description = "Only the caller's own, and only about cases the caller may still see.")
  List<NoticeResponse> unread() {
    return board.unread(currentActor.get()).stream().map(NoticeResponse::of).toList();
  }

  @PostMapping("/{noticeId}/read")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @ApiResponse(responseCode = "204", description = "Read (also when it already was)")
  @ApiResponse(responseCode = "404", description = "No such notice, or not the caller's (problem+json)")
  @Operation(summary = "Marks one of the caller's notices read",
      description = "Someone else's notice answers exactly like an unknown one.")
  void read(@PathVariable UUID noticeId) {
    board.markRead(currentActor.get(), noticeId);
  }
}

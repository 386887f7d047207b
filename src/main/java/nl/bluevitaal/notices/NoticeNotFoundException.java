package nl.bluevitaal.notices;

import java.util.UUID;

/** No notice with this id: it never existed, or its case is gone. */
public class NoticeNotFoundException extends RuntimeException {

  public NoticeNotFoundException(UUID noticeId) {
    super("No notice " + noticeId);
  }
}

package nl.bluevitaal.notices;

import java.util.List;

/** Delivers the journey's notices to a person: in the app, and by e-mail where mail is configured. */
public interface Notices {

  /**
   * Stores the notice for its recipient (idempotent: the same recipient, case, kind, title and due date once) and
   * mails it when mail is configured and the recipient has an e-mail address. Never throws for a mail failure.
   */
  void send(Notice notice);

  /** The recipient's unread notices, newest first. */
  List<Notice.Stored> unread(String userId);
}

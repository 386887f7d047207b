package nl.bluevitaal.notices;

import java.util.List;

/** Delivers notices to a person: in the app, and by e-mail where mail is configured (and consented to). */
public interface Notices {

  /**
   * Stores the notice for its recipient (idempotent: the same recipient, case, kind, title and due date once) and
   * mails it when mail is configured and the recipient has an e-mail address (the case's own employee: only with their
   * consent, {@link MailConsents}). Never throws for a mail failure. True when it was stored now, false when the same
   * notice was there already.
   */
  boolean send(Notice notice);

  /** The recipient's unread notices, newest first. */
  List<Notice.Stored> unread(String userId);
}

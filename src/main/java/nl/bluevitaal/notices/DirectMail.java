package nl.bluevitaal.notices;

/**
 * A mail to an address that is no account's yet (an invitation to someone outside the police): sent once the caller's
 * transaction commits, and only where mail is configured. Never throws for a mail failure.
 */
public interface DirectMail {

  /** Whether mails leave at all ({@code spring.mail.host} is set); when not, the caller offers another way. */
  boolean configured();

  /** Queues the mail; it leaves after the commit (with no transaction: at once). */
  void send(String address, String subject, String text);

  /** The address of one of BlueVitaal's pages as people open it from outside ({@code bluevitaal.notices.base-url}). */
  String link(String path);
}

package nl.bluevitaal.modeling;

/**
 * A step the draft's state or the four-eyes rule does not allow (editing a proposed draft, approving one's own
 * proposal), or a file that is not a model of the draft's key. {@code messageKey} is the Dutch reason in the
 * modeling bundle; {@code detail} the reader's own words, if any.
 */
public class DraftRefusedException extends RuntimeException {

  /** Why: a state conflict (409), the four-eyes rule (403) or a file that is no model of the key (400). */
  public enum Kind {
    STATE, FOUR_EYES, INVALID_FILE
  }

  private final Kind kind;
  private final String messageKey;

  public DraftRefusedException(Kind kind, String messageKey, String detail) {
    super(messageKey + (detail == null ? "" : ": " + detail));
    this.kind = kind;
    this.messageKey = messageKey;
  }

  public Kind kind() {
    return kind;
  }

  public String messageKey() {
    return messageKey;
  }
}

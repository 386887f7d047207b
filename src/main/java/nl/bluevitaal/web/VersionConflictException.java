package nl.bluevitaal.web;

/**
 * An update quoted a version that is no longer current (optimistic locking). Answered with 409 whose body holds
 * what the caller submitted ({@code submitted}) and the version now current ({@code currentVersion}), so a client
 * can reload and re-apply without the user typing anything again.
 */
public class VersionConflictException extends RuntimeException {

  private final transient Object submitted;
  private final Integer currentVersion;

  public VersionConflictException(String message, Object submitted, Integer currentVersion) {
    super(message);
    this.submitted = submitted;
    this.currentVersion = currentVersion;
  }

  public Object submitted() {
    return submitted;
  }

  public Integer currentVersion() {
    return currentVersion;
  }
}

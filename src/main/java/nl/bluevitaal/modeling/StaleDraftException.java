package nl.bluevitaal.modeling;

/** A save or proposal made on a revision that is no longer the latest: someone saved in between (409). */
public class StaleDraftException extends RuntimeException {

  private final int currentRevision;

  public StaleDraftException(int currentRevision) {
    super("draft was saved since; latest revision is " + currentRevision);
    this.currentRevision = currentRevision;
  }

  public int currentRevision() {
    return currentRevision;
  }
}

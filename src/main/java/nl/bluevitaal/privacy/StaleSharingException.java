package nl.bluevitaal.privacy;

import java.util.List;

/** A sharing change quoted an old version; carries the current settings and what the caller asked for (409). */
public class StaleSharingException extends RuntimeException {

  private final transient Sharing current;
  private final transient List<SharingChange> submitted;

  public StaleSharingException(Sharing current, List<SharingChange> submitted) {
    super("The sharing settings were changed in the meantime. Check the current settings and save again.");
    this.current = current;
    this.submitted = List.copyOf(submitted);
  }

  public Sharing current() {
    return current;
  }

  public List<SharingChange> submitted() {
    return submitted;
  }
}

package nl.bluevitaal.modeling;

import java.util.UUID;

/** No draft or no deployed version by that id or number. */
public class DraftNotFoundException extends RuntimeException {

  public DraftNotFoundException(String what) {
    super(what + " not found");
  }

  public DraftNotFoundException(UUID draftId) {
    this("draft " + draftId);
  }
}

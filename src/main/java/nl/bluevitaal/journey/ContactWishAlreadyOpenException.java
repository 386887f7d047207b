package nl.bluevitaal.journey;

import java.util.UUID;

/** A wish for contact with the same person is still open: it is not made twice. */
public class ContactWishAlreadyOpenException extends RuntimeException {

  private final UUID openWishId;

  public ContactWishAlreadyOpenException(UUID openWishId) {
    super("A wish for contact with this person is still open (" + openWishId + ")");
    this.openWishId = openWishId;
  }

  public UUID openWishId() {
    return openWishId;
  }
}

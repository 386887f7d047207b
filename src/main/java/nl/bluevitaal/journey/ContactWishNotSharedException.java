package nl.bluevitaal.journey;

/**
 * The employee's wish for contact is not shared with the person it is for: their standing sharing choice does not
 * cover it and they did not consent for this wish. Nothing was sent; nobody hears of it.
 */
public class ContactWishNotSharedException extends RuntimeException {

  public ContactWishNotSharedException(String message) {
    super(message);
  }
}

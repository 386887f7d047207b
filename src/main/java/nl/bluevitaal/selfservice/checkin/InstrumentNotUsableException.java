package nl.bluevitaal.selfservice.checkin;

/** An instrument that is unknown, disabled or not licensed: a check-in cannot use it. */
public class InstrumentNotUsableException extends RuntimeException {

  private final String key;

  public InstrumentNotUsableException(String key) {
    super("Instrument not usable: " + key);
    this.key = key;
  }

  public String key() {
    return key;
  }
}

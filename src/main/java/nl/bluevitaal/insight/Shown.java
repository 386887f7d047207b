package nl.bluevitaal.insight;

/**
 * One number as it may leave the module: its value, or why it is hidden (then no value at all). Pages show a hidden
 * number as "&lt; 10" (the gate's minimum) or a dash; the API and the CSV carry the value or the reason.
 */
public record Shown(Double value, Hidden hidden) {

  /** Why a number is not shown. */
  public enum Hidden {
    /** About fewer people than the minimum group: shown as "&lt; 10". */
    SMALL_GROUP,
    /** Hidden so that a small group elsewhere cannot be worked out from it (secondary suppression). */
    PROTECTS_SMALL_GROUP,
    /** A ratio to the population (absence percentage, reporting frequency) where the team's population is not known. */
    UNKNOWN_POPULATION
  }

  public Shown {
    if ((value == null) == (hidden == null)) {
      throw new IllegalArgumentException("Either a value or a reason to hide it");
    }
  }

  public static Shown of(double value) {
    return new Shown(value, null);
  }

  public static Shown hidden(Hidden why) {
    return new Shown(null, why);
  }

  public boolean visible() {
    return value != null;
  }

  /** The value as a whole number (counts); only for a visible number. */
  public long count() {
    if (value == null) {
      throw new IllegalStateException("Hidden: " + hidden);
    }
    return Math.round(value);
  }
}

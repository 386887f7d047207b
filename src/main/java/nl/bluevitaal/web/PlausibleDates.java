package nl.bluevitaal.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The dates BlueVitaal takes: 1900-01-01 up to and including 2200-12-31. A sick day, an agreement or a conversation
 * outside that range is a typing error (year 0000, 9999), and far-off dates overflow the deadline arithmetic; they are
 * refused with the field named, in the API (JSON) and on the pages alike.
 */
public final class PlausibleDates {

  public static final LocalDate FIRST = LocalDate.of(1900, 1, 1);
  public static final LocalDate LAST = LocalDate.of(2200, 12, 31);

  /** The message of the API, next to the field. */
  public static final String MESSAGE = "must be a date from " + FIRST + " to " + LAST;

  private PlausibleDates() {
  }

  public static boolean isPlausible(LocalDate date) {
    return date == null || (!date.isBefore(FIRST) && !date.isAfter(LAST));
  }

  /** Why a typed date is not taken. */
  public enum Problem { NOT_A_DATE, OUT_OF_RANGE }

  /**
   * What a date field of a page form holds, read the way the date input writes it (yyyy-mm-dd): a date, a problem,
   * or neither when nothing was typed.
   */
  public record TypedDate(LocalDate date, Problem problem) {

    public boolean isEmpty() {
      return date == null && problem == null;
    }
  }

  public static TypedDate read(String typed) {
    if (typed == null || typed.isBlank()) {
      return new TypedDate(null, null);
    }
    try {
      LocalDate date = LocalDate.parse(typed.strip());
      return isPlausible(date) ? new TypedDate(date, null) : new TypedDate(null, Problem.OUT_OF_RANGE);
    } catch (DateTimeParseException e) {
      return new TypedDate(null, Problem.NOT_A_DATE);
    }
  }
}

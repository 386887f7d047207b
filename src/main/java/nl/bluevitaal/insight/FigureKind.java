package nl.bluevitaal.insight;

import java.util.Arrays;
import java.util.Optional;

/** The unit's figures, each one answer of {@link InsightFigures}: one disclosure, released through the gate. */
public enum FigureKind {
  /** Cases opened and closed per month, and the cases open at each month's end. */
  THROUGHPUT("throughput"),
  /** Open cases per phase, now. */
  PHASES("phases"),
  /** Days spent per phase (median, p75, p90) of the stays that ended in the year, and per quarter. */
  CYCLE_TIME("cycle-time"),
  /** Legal deadlines due in the year per milestone and how they were met; escalations per rung. */
  DEADLINES("deadlines"),
  /** How the cases closed in the year ended, and the time to a (partial) return. */
  OUTCOMES("outcomes"),
  /** What the cases opened per quarter came with: guidance intensity, a buddy recommended, the 4 A's. */
  HELP_DEMAND("help-demand"),
  /** Open cases that lack what the method expects, as counts. */
  MISSING_ASPECTS("missing-aspects"),
  /**
   * The standard Dutch absence figures of the cases BlueVitaal guides: absence percentage and reporting frequency
   * against the teams' population, average duration and duration classes of the sick periods that ended.
   */
  ABSENCE("absence");

  private final String slug;

  FigureKind(String slug) {
    this.slug = slug;
  }

  /** The figure's name in addresses ({@code /api/insight/throughput}). */
  public String slug() {
    return slug;
  }

  public static Optional<FigureKind> ofSlug(String slug) {
    return Arrays.stream(values()).filter(kind -> kind.slug.equals(slug)).findFirst();
  }
}

package nl.bluevitaal.privacy;

import java.util.Objects;

/**
 * What a read of aggregated insight (domain G) is about: a unit, one team of it, one counsellor's own caseload, or the
 * journey's model. {@link AccessPolicy#checkInsight} decides who may read which (docs/privacy.md, insight.md); the
 * group-size gate of module insight then decides which numbers of it may leave.
 */
public record InsightScope(Kind kind, String unit, String team, String counsellorUserId) {

  public enum Kind {
    /** Unit-wide figures: management, counsellors and their lead, company doctors. */
    UNIT,
    /** One team of a unit: those who see the unit, and the line manager of that team. */
    TEAM,
    /** One counsellor's own caseload and work list: that counsellor, and the counsellors' lead. */
    COUNSELLOR,
    /** Every counsellor's caseload side by side (the balance): the counsellors' lead only. */
    COUNSELLORS,
    /** The journey's figures per model element (the heatmap): process owners and management. */
    MODEL
  }

  public InsightScope {
    Objects.requireNonNull(kind, "kind");
    switch (kind) {
      case UNIT -> Objects.requireNonNull(unit, "unit");
      case TEAM -> {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(team, "team");
      }
      case COUNSELLOR -> Objects.requireNonNull(counsellorUserId, "counsellorUserId");
      case COUNSELLORS, MODEL -> {
      }
    }
  }

  public static InsightScope unit(String unit) {
    return new InsightScope(Kind.UNIT, unit, null, null);
  }

  public static InsightScope team(String unit, String team) {
    return new InsightScope(Kind.TEAM, unit, team, null);
  }

  public static InsightScope counsellor(String counsellorUserId) {
    return new InsightScope(Kind.COUNSELLOR, null, null, counsellorUserId);
  }

  public static InsightScope everyCounsellor() {
    return new InsightScope(Kind.COUNSELLORS, null, null, null);
  }

  public static InsightScope model() {
    return new InsightScope(Kind.MODEL, null, null, null);
  }

  /** As the audit trail records it: kind and the names of unit, team or counsellor; never a case. */
  public String describe() {
    return switch (kind) {
      case UNIT -> "unit " + unit;
      case TEAM -> "team " + unit + "/" + team;
      case COUNSELLOR -> "counsellor " + counsellorUserId;
      case COUNSELLORS -> "every counsellor";
      case MODEL -> "model";
    };
  }
}

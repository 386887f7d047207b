package nl.bluevitaal.privacy;

/** Whom the employee may share a voluntary domain with. */
public enum Audience {
  /** The case's company doctor and a counsellor working under the doctor's delegation (care professional). */
  CARE,
  /** The case's counsellor (employer side): only ever a flag, never the content (docs/privacy.md, domain E). */
  COUNSELLOR
}

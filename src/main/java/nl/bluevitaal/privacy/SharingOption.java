package nl.bluevitaal.privacy;

import java.util.List;

/**
 * Something the employee can choose to share. Only these exist: what the employer side may not hold cannot be
 * shared with it either, since consent towards the employer does not count (docs/privacy.md).
 */
public record SharingOption(Domain domain, Audience audience) {

  /** E with care: the company doctor and a care professional read the check-ins. */
  public static final SharingOption SELF_REPORTS_WITH_CARE = new SharingOption(Domain.SELF_REPORTS, Audience.CARE);
  /** E with the counsellor: only the "wants contact" flag, never a check-in. */
  public static final SharingOption WANTS_CONTACT_WITH_COUNSELLOR =
      new SharingOption(Domain.SELF_REPORTS, Audience.COUNSELLOR);

  public static final List<SharingOption> ALL = List.of(SELF_REPORTS_WITH_CARE, WANTS_CONTACT_WITH_COUNSELLOR);
}

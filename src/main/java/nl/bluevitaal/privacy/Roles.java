package nl.bluevitaal.privacy;

import nl.bluevitaal.identity.Groups;

/** Groups the privacy policy adds to those of {@link nl.bluevitaal.identity.Groups}. */
public final class Roles {

  /**
   * A counsellor who works under the company doctor's delegation (or professional secrecy). Membership is granted
   * by the administrator; without it a counsellor is employer side.
   */
  public static final String CARE_PROFESSIONAL = Groups.CARE_PROFESSIONAL;

  private Roles() {
  }
}

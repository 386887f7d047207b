package nl.bluevitaal.privacy;

import java.util.Set;

/**
 * Port implemented by the case file: the teams a line manager leads (the teams of the employees whose line manager
 * they are), as "unit/team" pairs. Asked on every insight read of a team, so a change of line manager counts at once.
 */
public interface TeamLookup {

  /** The teams led by this person; empty when they lead none. */
  Set<Team> teamsLedBy(String lineManagerUserId);

  record Team(String unit, String team) {
  }
}

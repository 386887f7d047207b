package nl.bluevitaal.privacy;

import java.util.Optional;
import java.util.UUID;

/**
 * Port implemented by the case file: the case a person's own pages are about (their "Mijn traject"), for the
 * employee's own-file functions (sharing, who looked) that have no case in their address.
 */
public interface OwnCaseLookup {

  /** The person's case as an employee: the open one, else the most recent; empty when they have none. */
  Optional<UUID> currentCaseOf(String userId);
}

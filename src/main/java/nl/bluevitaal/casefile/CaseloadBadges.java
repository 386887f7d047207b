package nl.bluevitaal.casefile;

import java.util.Map;
import java.util.UUID;
import nl.bluevitaal.privacy.Actor;

/**
 * What a higher module marks on a row of a person's caseload (the open wishes for contact addressed to them): a port
 * the case file declares and the journey answers, so the caseload needs no module above it.
 */
public interface CaseloadBadges {

  /** One mark on a row: a message key taking the count, and the count. */
  record Badge(String messageKey, int count) {
  }

  /** The marks for this person's cases, by case id; cases without a mark are left out. */
  Map<UUID, Badge> badges(Actor actor);
}

package nl.bluevitaal.journey.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import nl.bluevitaal.casefile.CaseloadBadges;
import nl.bluevitaal.journey.ContactWishes;
import nl.bluevitaal.privacy.Actor;
import org.springframework.stereotype.Component;

/** The caseload's mark for the open wishes for contact addressed to the person looking: their own, nobody else's. */
@Component
class ContactWishBadges implements CaseloadBadges {

  private final ContactWishes wishes;

  ContactWishBadges(ContactWishes wishes) {
    this.wishes = wishes;
  }

  @Override
  public Map<UUID, Badge> badges(Actor actor) {
    Map<UUID, Badge> badges = new HashMap<>();
    wishes.openCounts(actor).forEach((caseId, count) -> badges.put(caseId,
        new Badge("journey.contact.badge", count)));
    return badges;
  }
}

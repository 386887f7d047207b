package nl.bluevitaal.selfservice.homefront.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import nl.bluevitaal.casefile.CaseFileEvents;
import nl.bluevitaal.privacy.HomeFrontLookup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers the access policy's question about a naaste from the invitations, on every decision; and ends an
 * invitation when the case file's contact behind it loses its consent, in the same transaction, whichever way the
 * employee withdrew it (the page or the support-network API).
 */
@Component
class HomeFrontAccess implements HomeFrontLookup {

  private static final Logger log = LoggerFactory.getLogger(HomeFrontAccess.class);

  private final InvitationRepository invitations;
  private final Clock clock;

  HomeFrontAccess(InvitationRepository invitations, Clock clock) {
    this.invitations = invitations;
    this.clock = clock;
  }

  @Override
  @Transactional(readOnly = true)
  public boolean isActiveHomeFront(UUID caseId, String userId) {
    return userId != null && invitations.isActive(caseId, userId);
  }

  @EventListener
  void consentWithdrawn(CaseFileEvents.SupportConsentWithdrawn event) {
    int ended = invitations.withdrawByContact(event.contactId(), OffsetDateTime.now(clock));
    if (ended > 0) {
      log.info("Case {}: home-front invitation withdrawn with its support contact", event.caseId());
    }
  }
}

package nl.bluevitaal.privacy;

import java.util.UUID;

/**
 * Port implemented by self-service: whether this person is a home-front contact ("naaste") of the case whose access
 * the employee granted and has not withdrawn. Asked on every decision, so a withdrawal ends access at once.
 */
public interface HomeFrontLookup {

  boolean isActiveHomeFront(UUID caseId, String userId);
}

package nl.bluevitaal.privacy;

import java.util.UUID;

/** What the policy needs of the sharing settings: whether the employee currently shares this domain. */
public interface ConsentLookup {

  boolean isShared(UUID caseId, Domain domain, Audience audience);
}

package nl.bluevitaal.privacy;

import java.util.UUID;

/**
 * The employee started or stopped sharing a domain with an audience ({@link SharingSettings#update}), published in the
 * transaction that records it, so whatever follows the consent (insight counting a shared relapse-prevention plan)
 * changes with it.
 */
public record SharingChanged(UUID caseId, Domain domain, Audience audience, boolean granted) {
}

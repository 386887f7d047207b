package nl.bluevitaal.privacy;

import java.util.List;
import java.util.UUID;

/**
 * The sharing settings of one case: one entry per {@link SharingOption}, the version to send back with a change, and
 * every grant and revocation so far (oldest first).
 */
public record Sharing(UUID caseId, int version, List<SharingSetting> settings, List<SharingSetting> history) {

  public Sharing {
    settings = List.copyOf(settings);
    history = List.copyOf(history);
  }

  public boolean isShared(Domain domain, Audience audience) {
    return settings.stream().anyMatch(s -> s.domain() == domain && s.audience() == audience && s.granted());
  }
}

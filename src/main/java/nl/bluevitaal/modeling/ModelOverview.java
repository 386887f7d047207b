package nl.bluevitaal.modeling;

import java.time.Instant;
import java.util.List;
import nl.bluevitaal.journey.JourneyModels.Kind;
import nl.bluevitaal.journey.JourneyModels.Origin;

/**
 * A model as the workbench shows it: its deployed versions, newest first, each with who deployed it and why (for a
 * release, the release), and its drafts in the making. Counts and ids only: no case content.
 */
public record ModelOverview(String key, Kind kind, String name, List<Version> versions, List<Draft> openDrafts) {

  public ModelOverview {
    versions = List.copyOf(versions);
    openDrafts = List.copyOf(openDrafts);
  }

  public Version latest() {
    return versions.get(0);
  }

  /**
   * One deployed version. {@code proposedBy}, {@code approvedBy} and {@code changeNote} are null for a release's
   * version. {@code replacedWorkbenchVersion}: a release's version deployed after a workbench version, which it
   * replaced as the version new cases start on (see docs/modeling.md, "which version wins").
   */
  public record Version(int version, String versionTag, Origin origin, Instant deployedAt, long runningInstances,
      String proposedBy, String approvedBy, String changeNote, boolean replacedWorkbenchVersion) {

    public boolean fromRelease() {
      return origin == Origin.RELEASE;
    }
  }
}

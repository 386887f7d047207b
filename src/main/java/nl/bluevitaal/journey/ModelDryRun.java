package nl.bluevitaal.journey;

import java.util.List;

/**
 * Runs the journey's paths (intake routes, recovery, relapse, spoor 1 and 2, early IVA, WIA, the end of wage payment)
 * against a draft of a process model on an engine of its own, in memory, created for the run and closed after it. The
 * application's engine, clock and case files are never touched: the journey's beans answer for one synthetic case
 * whose deadlines the real deadline engine computes, and the deployed decisions are evaluated for real.
 */
public interface ModelDryRun {

  /** The process keys a dry run can take: the journey and the watch it calls. */
  List<String> keys();

  /**
   * @param key the process key the draft is a version of
   * @param draft the BPMN file of the draft
   * @throws UnreadableModelException when the draft is not a BPMN file of that key or the engine cannot deploy it
   */
  Report run(String key, byte[] draft);

  /** The result of every path, in the order the paths were run. */
  record Report(String key, List<PathResult> paths) {

    public Report {
      paths = List.copyOf(paths);
    }

    public boolean allReachedTheEnd() {
      return paths.stream().allMatch(p -> p.outcome() == Outcome.REACHED_END);
    }
  }

  /**
   * How one path went.
   *
   * @param path the path's key (its Dutch name is in the modeling messages, {@code modeling.dryrun.path.<key>})
   * @param elementId where the path stuck or failed; null when it reached its end
   * @param elementName that element's name in the draft, or null
   * @param expected for {@link Outcome#STUCK}: the step the path waited for in vain
   * @param error for {@link Outcome#FAILED}: the engine's message (technical, in English)
   * @param stepsDone the steps the path completed, in order
   */
  record PathResult(String path, Outcome outcome, String elementId, String elementName, String expected,
      String error, List<String> stepsDone) {

    public PathResult {
      stepsDone = List.copyOf(stepsDone);
    }
  }

  enum Outcome { REACHED_END, STUCK, FAILED }
}

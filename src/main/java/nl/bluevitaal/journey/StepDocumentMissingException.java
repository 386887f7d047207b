package nl.bluevitaal.journey;

import java.util.List;
import java.util.stream.Collectors;
import nl.bluevitaal.casefile.DocumentProgress.Shortfall;
import nl.bluevitaal.casefile.ReintegrationReport;
import nl.bluevitaal.journey.StepCatalogue.StepDocument;

/**
 * A step whose output is a document cannot be completed yet: the document is missing, not yet in the status the step
 * needs, not signed by the person's side, or (the re-integration report) not complete. Nothing was changed.
 */
public class StepDocumentMissingException extends RuntimeException {

  private final String stepKey;
  private final StepDocument document;
  private final Shortfall shortfall;

  public StepDocumentMissingException(String stepKey, StepDocument document, Shortfall shortfall) {
    this(stepKey, document, shortfall, List.of());
  }

  /** With the gaps of an incomplete re-integration report, each named in the message (part and what it lacks). */
  public StepDocumentMissingException(String stepKey, StepDocument document, Shortfall shortfall,
      List<ReintegrationReport.Gap> gaps) {
    super(message(stepKey, document, shortfall) + (gaps.isEmpty() ? "" : " Gaps: " + gaps.stream()
        .map(gap -> gap.part() + " " + gap.kind()).distinct().collect(Collectors.joining(", ")) + "."));
    this.stepKey = stepKey;
    this.document = document;
    this.shortfall = shortfall;
  }

  public String stepKey() {
    return stepKey;
  }

  public StepDocument document() {
    return document;
  }

  public Shortfall shortfall() {
    return shortfall;
  }

  private static String message(String stepKey, StepDocument document, Shortfall shortfall) {
    String what = (document.newSinceOpened() ? "a new " : "a ") + document.type();
    String lacks = switch (shortfall) {
      case MISSING -> document.newSinceOpened() ? "none was written since the step opened"
          : "there is none in the case file";
      case NOT_YET -> "it has not reached " + document.status() + " yet";
      case NOT_SIGNED -> "your side has not signed its current version yet";
      case REPORT_INCOMPLETE -> "the report's parts are not all present, dated and named with author and function";
      case NONE -> "nothing";
    };
    return "Step " + stepKey + " completes only with " + what + " in status " + document.status()
        + " or further: " + lacks + ". Nothing was changed.";
  }
}

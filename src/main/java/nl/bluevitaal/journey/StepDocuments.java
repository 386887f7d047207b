package nl.bluevitaal.journey;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.bluevitaal.casefile.CaseDocuments;
import nl.bluevitaal.casefile.DocumentProgress;
import nl.bluevitaal.journey.StepCatalogue.StepDocument;
import nl.bluevitaal.privacy.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The document a step produces, as far as the person taking the step has brought it: what the step page shows, and
 * what the completion of the step checks ({@link #requireReady}). The model names the document
 * ({@link StepCatalogue#document}); the case file says how far it is ({@link CaseDocuments#progress}).
 */
@Service
@Transactional(readOnly = true)
public class StepDocuments {

  /** The step's document and how far it is. */
  public record State(StepDocument document, DocumentProgress progress) {
  }

  private final StepCatalogue catalogue;
  private final CaseDocuments documents;

  StepDocuments(StepCatalogue catalogue, CaseDocuments documents) {
    this.catalogue = catalogue;
    this.documents = documents;
  }

  /** The state of the step's document for this person; empty for a step without one. */
  public Optional<State> state(Actor actor, UUID caseId, OpenStep step) {
    return catalogue.document(step).map(document -> new State(document, documents.progress(actor, caseId,
        document.type(), document.status(), document.newSinceOpened() && step.opened() != null
            ? OffsetDateTime.ofInstant(step.opened(), ZoneOffset.UTC) : null)));
  }

  /**
   * Refuses the completion of a step whose document is not there yet in the status the step needs, unless the
   * outcome is the one that needs none (a correction asked, a plan not agreed).
   *
   * @throws StepDocumentMissingException when the document is missing or not far enough
   */
  public void requireReady(Actor actor, UUID caseId, OpenStep step, Map<String, Object> outcome) {
    Optional<State> state = catalogue.document(step).filter(document -> !document.waivedBy(outcome))
        .flatMap(document -> state(actor, caseId, step));
    if (state.isPresent() && !state.get().progress().ready()) {
      throw new StepDocumentMissingException(step.stepKey(), state.get().document(),
          state.get().progress().shortfall(), state.get().progress().reportGaps());
    }
  }
}

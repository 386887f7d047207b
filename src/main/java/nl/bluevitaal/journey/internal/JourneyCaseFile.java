package nl.bluevitaal.journey.internal;

import java.util.UUID;
import nl.bluevitaal.casefile.CaseRegistry;
import nl.bluevitaal.casefile.Phase;
import nl.bluevitaal.poortwachter.Milestone;
import org.springframework.stereotype.Component;

/** What the models tell the case file: the phase a case enters and the deadlines it meets. Public for expressions. */
@Component("journeyCaseFile")
public class JourneyCaseFile {

  private final CaseRegistry registry;

  JourneyCaseFile(CaseRegistry registry) {
    this.registry = registry;
  }

  public void enterPhase(String caseId, String phase) {
    registry.enterPhase(UUID.fromString(caseId), Phase.valueOf(phase));
  }

  public void deadlineMet(String caseId, String milestone) {
    registry.markDeadlineMet(UUID.fromString(caseId), Milestone.valueOf(milestone));
  }

  /** The current work capacity: the default of a step's work-capacity field (a whole number, as forms take it). */
  public Long workCapacity(String caseId) {
    return (long) registry.get(UUID.fromString(caseId)).workCapacityPct();
  }
}

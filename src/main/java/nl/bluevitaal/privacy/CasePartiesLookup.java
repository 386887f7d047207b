package nl.bluevitaal.privacy;

import java.util.Optional;
import java.util.UUID;

/** Port implemented by the case file: the parties of a case, empty when the case does not exist. */
public interface CasePartiesLookup {

  Optional<CaseParties> find(UUID caseId);
}

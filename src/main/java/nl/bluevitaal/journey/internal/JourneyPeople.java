package nl.bluevitaal.journey.internal;

import java.util.List;
import java.util.UUID;
import nl.bluevitaal.casefile.CaseRegistry;
import nl.bluevitaal.identity.Groups;
import org.springframework.stereotype.Component;

/**
 * Who takes the employee's steps. An employee without an account cannot log in, so the step goes to the counsellors
 * instead of getting lost. Public because the models call it through expressions.
 */
@Component("journeyPeople")
public class JourneyPeople {

  private final CaseRegistry registry;

  JourneyPeople(CaseRegistry registry) {
    this.registry = registry;
  }

  /** The employee's user id, or null when the employee has no account. */
  public String employeeUser(String caseId) {
    return registry.employeeOfCase(UUID.fromString(caseId)).userId();
  }

  /** No candidate group when the employee takes the step; the counsellors when the employee has no account. */
  public List<String> employeeFallbackGroups(String caseId) {
    return employeeUser(caseId) == null ? List.of(Groups.COUNSELLOR) : List.of();
  }
}

package nl.bluevitaal.workspace;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.bluevitaal.casefile.CaseDocuments;
import nl.bluevitaal.casefile.CaseDocuments.FunctionalAdviceView;
import nl.bluevitaal.casefile.CaseRegistry;
import nl.bluevitaal.casefile.CaseStatus;
import nl.bluevitaal.casefile.CaseView;
import nl.bluevitaal.casefile.Caseload;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.CaseAccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The line manager's team: the cases where the caller is the line manager, with functional information only (domain
 * A and the released functional advice of domain B). Medical notes, contact moments, self-reports and the support
 * network are never read here, so they cannot leak onto a team page.
 */
@Service
class TeamCases {

  /** One case of the team as the line manager sees it; {@code advice} is null until a problem analysis is released. */
  record TeamCase(CaseView view, FunctionalAdviceView advice) {
  }

  private final Caseload caseload;
  private final CaseRegistry registry;
  private final CaseDocuments documents;

  TeamCases(Caseload caseload, CaseRegistry registry, CaseDocuments documents) {
    this.caseload = caseload;
    this.registry = registry;
    this.documents = documents;
  }

  boolean mayOpen(Actor actor) {
    return actor.isIn(Groups.LINE_MANAGER);
  }

  /** The active cases where the caller is the line manager, soonest deadline first. */
  List<CaseView> views(Actor actor) {
    return caseload.visibleCases(actor, null).stream()
        .filter(v -> v.status() != CaseStatus.CLOSED)
        .filter(v -> actor.userId().equals(registry.get(v.id()).lineManagerUserId()))
        .sorted(MyWork.BY_NEXT_DEADLINE)
        .toList();
  }

  List<TeamCase> cases(Actor actor) {
    return views(actor).stream().map(v -> new TeamCase(v, advice(actor, v.id()))).toList();
  }

  int count(Actor actor) {
    return views(actor).size();
  }

  /** One case of the caller's team, or empty when it is not theirs (the page then answers 404). */
  Optional<TeamCase> one(Actor actor, UUID caseId) {
    return views(actor).stream().filter(v -> v.id().equals(caseId)).findFirst()
        .map(v -> new TeamCase(v, advice(actor, v.id())));
  }

  private FunctionalAdviceView advice(Actor actor, UUID caseId) {
    try {
      return documents.functionalAdvice(actor, caseId);
    } catch (CaseAccessDeniedException e) {
      return null;
    }
  }
}

package nl.bluevitaal.casefile.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.bluevitaal.casefile.CaseDocuments.FunctionalAdviceView;
import nl.bluevitaal.casefile.CaseDocuments;
import nl.bluevitaal.casefile.CaseStatus;
import nl.bluevitaal.casefile.CaseView;
import nl.bluevitaal.casefile.Caseload;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.privacy.Actor;
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
  private final CaseDocuments documents;

  TeamCases(Caseload caseload, CaseDocuments documents) {
    this.caseload = caseload;
    this.documents = documents;
  }

  boolean mayOpen(Actor actor) {
    return actor.isIn(Groups.LINE_MANAGER);
  }

  /** The active cases where the caller is the line manager, soonest deadline first: one read for the whole team. */
  List<CaseView> views(Actor actor) {
    return caseload.teamCases(actor).stream()
        .filter(v -> v.status() != CaseStatus.CLOSED)
        .sorted(MyCases.BY_NEXT_DEADLINE)
        .toList();
  }

  /** The team with each case's released functional advice: one read of the cases and one of the advice. */
  List<TeamCase> cases(Actor actor) {
    List<CaseView> views = views(actor);
    Map<UUID, FunctionalAdviceView> advice = documents.functionalAdvice(actor,
        views.stream().map(CaseView::id).toList());
    return views.stream().map(v -> new TeamCase(v, advice.get(v.id()))).toList();
  }

  int count(Actor actor) {
    return views(actor).size();
  }

  /** One case of the caller's team, or empty when it is not theirs (the page then answers 404). */
  Optional<TeamCase> one(Actor actor, UUID caseId) {
    return views(actor).stream().filter(v -> v.id().equals(caseId)).findFirst()
        .map(v -> new TeamCase(v, documents.functionalAdvice(actor, List.of(v.id())).get(v.id())));
  }
}

package nl.bluevitaal.casefile.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.bluevitaal.casefile.CaseDeadline;
import nl.bluevitaal.casefile.CaseDetail;
import nl.bluevitaal.casefile.CaseDocument;
import nl.bluevitaal.casefile.CaseDocuments;
import nl.bluevitaal.casefile.Caseload;
import nl.bluevitaal.casefile.DocumentChanges;
import nl.bluevitaal.casefile.DocumentText;
import nl.bluevitaal.casefile.DocumentType;
import nl.bluevitaal.casefile.InvalidStateException;
import nl.bluevitaal.casefile.StaleEditException;
import nl.bluevitaal.privacy.Access;
import nl.bluevitaal.privacy.AccessPolicy;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.CaseParties;
import nl.bluevitaal.privacy.CurrentActor;
import nl.bluevitaal.privacy.Domain;
import nl.bluevitaal.web.Ids;
import nl.bluevitaal.web.PageSection;
import nl.bluevitaal.web.PageSections;
import nl.bluevitaal.web.VersionForm;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The line manager's pages ({@code /team}): their own team's cases with functional information only, and per case
 * the plan of action to agree. Someone else's case does not exist here (404).
 */
@Controller
class TeamController {

  static final String PATH = "/team";
  /** What other modules show on a team member's page: the line manager's own steps for the case. */
  static final String STEPS_SLOT = "team-case.steps";

  /** The plan of action as the line manager sees it; {@code maySign} as the case file says. */
  record PlanRow(CaseDocument document, boolean signedByMe, boolean maySign) {

    public List<DocumentText.Section> text() {
      return DocumentText.of(document);
    }
  }

  private final TeamCases team;
  private final Caseload caseload;
  private final CaseDocuments documents;
  private final DocumentChanges changes;
  private final MyCases work;
  private final CurrentActor currentActor;
  private final AccessPolicy policy;
  private final PageSections sections;

  TeamController(TeamCases team, Caseload caseload, CaseDocuments documents, DocumentChanges changes, MyCases work,
      CurrentActor currentActor, AccessPolicy policy, PageSections sections) {
    this.changes = changes;
    this.team = team;
    this.caseload = caseload;
    this.documents = documents;
    this.work = work;
    this.currentActor = currentActor;
    this.policy = policy;
    this.sections = sections;
  }

  @GetMapping(PATH)
  String list(Model model) {
    Actor actor = lineManager(null);
    model.addAttribute("cases", team.cases(actor));
    return "casefile/team";
  }

  @GetMapping(PATH + "/{caseId}")
  String one(@PathVariable String caseId, Model model) {
    UUID id = Ids.parse(caseId);
    Actor actor = lineManager(id);
    populate(actor, id, model, null);
    return "casefile/team-case";
  }

  /** The line manager signs the released plan of action; a stale or double sign-off comes back with a message. */
  @PostMapping(PATH + "/{caseId}/documenten/{documentId}/ondertekenen")
  String sign(@PathVariable String caseId, @PathVariable String documentId, VersionForm form, Model model,
      HttpServletResponse response, RedirectAttributes redirect) {
    UUID id = Ids.parse(caseId);
    UUID docId = Ids.parse(documentId);
    Actor actor = lineManager(id);
    teamCase(actor, id);
    String error = null;
    if (form.versie() == null) {
      error = "team.conflict";
    } else {
      try {
        changes.signOff(actor, id, docId, form.versie());
      } catch (StaleEditException e) {
        error = "team.conflict";
      } catch (InvalidStateException e) {
        error = "team.sign.error.state";
      }
    }
    if (error != null) {
      populate(actor, id, model, error);
      response.setStatus(HttpStatus.CONFLICT.value());
      return "casefile/team-case";
    }
    redirect.addFlashAttribute("teamNotice", "team.sign.done");
    return "redirect:" + PATH + "/" + id;
  }

  private void populate(Actor actor, UUID id, Model model, String signError) {
    TeamCases.TeamCase teamCase = teamCase(actor, id);
    CaseDetail detail = caseload.detail(actor, id);
    LocalDate today = work.today();
    model.addAttribute("item", teamCase);
    model.addAttribute("view", teamCase.view());
    model.addAttribute("today", today);
    model.addAttribute("upcoming", CasePageController.byMilestone(detail.deadlines()).stream()
        .filter(d -> d.state(today) == CaseDeadline.State.DUE || d.state(today) == CaseDeadline.State.OVERDUE)
        .toList());
    model.addAttribute("stepSections", sections.render(STEPS_SLOT, PageSection.Request.of(id)));
    PlanRow plan = null;
    List<CaseDocument> plans = documents.list(actor, id).stream()
        .filter(d -> d.type() == DocumentType.PLAN_OF_ACTION || d.type() == DocumentType.PLAN_OF_ACTION_UPDATE)
        .filter(d -> d.status().released())
        .toList();
    if (!plans.isEmpty()) {
      CaseDocument doc = documents.get(actor, id, plans.get(plans.size() - 1).id());
      int number = doc.current() == null ? 0 : doc.current().number();
      boolean signed = doc.signOffs().stream()
          .anyMatch(s -> s.versionNumber() == number && s.userId().equals(actor.userId()));
      plan = new PlanRow(doc, signed, documents.actions(actor, doc).sign());
    }
    model.addAttribute("plan", plan);
    model.addAttribute("signError", signError);
  }

  /** The team pages are the line manager's; anyone else is refused (and that is recorded). */
  private Actor lineManager(UUID caseId) {
    Actor actor = currentActor.get();
    if (!team.mayOpen(actor)) {
      throw policy.roleRefusal(actor, caseId, "team page");
    }
    return actor;
  }

  /** A case of the caller's own team; any other case does not exist here (404, recorded). */
  private TeamCases.TeamCase teamCase(Actor actor, UUID id) {
    CaseParties parties = policy.check(actor, id, Domain.ADMINISTRATIVE, Access.READ, "team page");
    return team.one(actor, id).orElseThrow(() -> policy.hidden(actor, parties, "team page"));
  }
}

package nl.bluevitaal.casefile.web;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.bluevitaal.casefile.CaseView;
import nl.bluevitaal.casefile.CaseloadBadges;
import nl.bluevitaal.casefile.Phase;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.privacy.AccessPolicy;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.CurrentActor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The caseload of a counsellor ({@code /begeleiding/caseload}) or a company doctor ({@code /bedrijfsarts/caseload}):
 * their active cases, soonest legal deadline first, with search and filters. A plain GET form; with htmx the search
 * box and filters refresh only the results.
 */
@Controller
class CaseloadController {

  static final String COUNSELLOR_PATH = "/begeleiding/caseload";
  static final String DOCTOR_PATH = "/bedrijfsarts/caseload";

  private final MyCases work;
  private final CurrentActor currentActor;
  private final AccessPolicy policy;
  private final ObjectProvider<CaseloadBadges> badges;

  CaseloadController(MyCases work, CurrentActor currentActor, AccessPolicy policy,
      ObjectProvider<CaseloadBadges> badges) {
    this.work = work;
    this.currentActor = currentActor;
    this.policy = policy;
    this.badges = badges;
  }

  @GetMapping(COUNSELLOR_PATH)
  String counsellor(@RequestParam(name = "q", required = false) String query,
      @RequestParam(name = "fase", required = false) String phase,
      @RequestParam(name = "telaat", required = false) String overdue,
      @RequestHeader(name = "HX-Request", required = false) String htmx,
      @RequestHeader(name = "HX-History-Restore-Request", required = false) String restore, Model model) {
    return caseload(Groups.COUNSELLOR, COUNSELLOR_PATH, query, phase, overdue, fragmentOnly(htmx, restore), model);
  }

  @GetMapping(DOCTOR_PATH)
  String doctor(@RequestParam(name = "q", required = false) String query,
      @RequestParam(name = "fase", required = false) String phase,
      @RequestParam(name = "telaat", required = false) String overdue,
      @RequestHeader(name = "HX-Request", required = false) String htmx,
      @RequestHeader(name = "HX-History-Restore-Request", required = false) String restore, Model model) {
    return caseload(Groups.COMPANY_DOCTOR, DOCTOR_PATH, query, phase, overdue, fragmentOnly(htmx, restore), model);
  }

  private String caseload(String group, String path, String query, String phaseParam, String overdueParam,
      String htmx, Model model) {
    Actor actor = currentActor.get();
    if (!actor.isIn(group)) {
      throw policy.roleRefusal(actor, null, "caseload " + path);
    }
    Phase phase = parsePhase(phaseParam);
    boolean overdueOnly = overdueParam != null && !overdueParam.isBlank() && !"false".equals(overdueParam);
    String q = query == null ? "" : query.strip();
    List<CaseView> cases = work.cases(actor, new MyCases.CaseFilter(q, phase, overdueOnly));
    model.addAttribute("cases", cases);
    Map<UUID, CaseloadBadges.Badge> marks = new HashMap<>();
    badges.orderedStream().forEach(b -> marks.putAll(b.badges(actor)));
    model.addAttribute("badges", marks);
    model.addAttribute("q", q);
    model.addAttribute("phase", phase);
    model.addAttribute("overdueOnly", overdueOnly);
    model.addAttribute("filtered", !q.isEmpty() || phase != null || overdueOnly);
    model.addAttribute("phases", Arrays.stream(Phase.values()).filter(p -> p != Phase.CLOSED).toList());
    model.addAttribute("path", path);
    model.addAttribute("scope", group);
    return htmx != null ? "casefile/caseload :: results" : "casefile/caseload";
  }

  /** htmx asks for the results only, except when it restores a page from history: then it needs all of it. */
  private static String fragmentOnly(String htmx, String restore) {
    return "true".equals(htmx) && !"true".equals(restore) ? htmx : null;
  }

  /** An unknown phase in the address is no filter rather than an error page. */
  private static Phase parsePhase(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return Arrays.stream(Phase.values()).filter(p -> p.name().equals(value)).findFirst().orElse(null);
  }
}

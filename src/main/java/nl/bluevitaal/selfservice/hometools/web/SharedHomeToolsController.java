package nl.bluevitaal.selfservice.hometools.web;

import java.util.List;
import java.util.UUID;
import nl.bluevitaal.casefile.Caseload;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.CurrentActor;
import nl.bluevitaal.selfservice.hometools.EnergyBalance;
import nl.bluevitaal.selfservice.hometools.HomeTools;
import nl.bluevitaal.web.Ids;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The employee's home tools as the care side reads them ({@code /dossiers/{id}/thuisinstrumenten}), read only: the
 * company doctor and a care professional of the case, while the employee shares self-reports with care. Anyone else
 * is refused by the access policy (403, or 404 for a case they may not know), and the refusal is recorded.
 */
@Controller
class SharedHomeToolsController {

  static final String VIEW = "selfservice/hometools/shared";

  private final CurrentActor currentActor;
  private final HomeTools tools;
  private final Caseload caseload;

  SharedHomeToolsController(CurrentActor currentActor, HomeTools tools, Caseload caseload) {
    this.currentActor = currentActor;
    this.tools = tools;
    this.caseload = caseload;
  }

  @GetMapping("/dossiers/{caseId}/thuisinstrumenten")
  String page(@PathVariable String caseId, Model model) {
    Actor actor = currentActor.get();
    UUID id = Ids.parse(caseId);
    List<EnergyBalance> balances = tools.energyBalances(actor, id);
    model.addAttribute("balance", balances.isEmpty() ? null : balances.get(0));
    model.addAttribute("plan", tools.relapsePlan(actor, id).orElse(null));
    model.addAttribute("view", caseload.detail(actor, id).summary());
    return VIEW;
  }
}

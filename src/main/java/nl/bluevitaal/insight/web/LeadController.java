package nl.bluevitaal.insight.web;

import nl.bluevitaal.insight.WorkList;
import nl.bluevitaal.privacy.CurrentActor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The counsellors' lead's page ({@code /inzicht/begeleiders}): the caseload balance over the counsellors, each linked
 * to their work list. {@link WorkList} lets only the lead read it, and audits every read.
 */
@Controller
class LeadController {

  static final String PATH = "/inzicht/begeleiders";

  private final WorkList workList;
  private final CurrentActor currentActor;

  LeadController(WorkList workList, CurrentActor currentActor) {
    this.workList = workList;
    this.currentActor = currentActor;
  }

  @GetMapping(PATH)
  String lead(Model model) {
    model.addAttribute("balance", workList.balance(currentActor.get()));
    model.addAttribute("workListPath", MyInsightController.PATH);
    return "insight/lead";
  }
}

package nl.bluevitaal.insight.web;

import nl.bluevitaal.insight.WorkList;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.CurrentActor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A counsellor's own insight ({@code /inzicht/mijn}): the figures of their caseload and their work list. The
 * counsellors' lead opens another counsellor's with {@code ?begeleider=}; {@link WorkList} checks and audits it.
 */
@Controller
class MyInsightController {

  static final String PATH = "/inzicht/mijn";

  private final WorkList workList;
  private final CurrentActor currentActor;

  MyInsightController(WorkList workList, CurrentActor currentActor) {
    this.workList = workList;
    this.currentActor = currentActor;
  }

  @GetMapping(PATH)
  String mine(@RequestParam(name = "begeleider", required = false) String counsellor, Model model) {
    Actor actor = currentActor.get();
    String whose = HeatmapController.blankToNull(counsellor);
    model.addAttribute("view", workList.counsellor(actor, whose == null ? actor.userId() : whose));
    model.addAttribute("aspects", WorkList.Aspect.values());
    return "insight/mine";
  }
}

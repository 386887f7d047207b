package nl.bluevitaal.insight.web;

import java.util.Arrays;
import nl.bluevitaal.insight.FigureKind;
import nl.bluevitaal.insight.GroupSizeGate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** "Wat betekent dit?": what each figure counts and how, and why some numbers are hidden. No figures, no data. */
@Controller
class DefinitionsController {

  static final String PATH = "/inzicht/definities";

  private final GroupSizeGate gate;

  DefinitionsController(GroupSizeGate gate) {
    this.gate = gate;
  }

  @GetMapping(PATH)
  String definitions(Model model) {
    model.addAttribute("slugs", Arrays.stream(FigureKind.values()).map(FigureKind::slug).toList());
    model.addAttribute("minimumGroup", gate.minimumGroup());
    return "insight/definitions";
  }
}

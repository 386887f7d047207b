package nl.bluevitaal.insight.web;

import java.nio.charset.StandardCharsets;
import nl.bluevitaal.insight.ModelHeat;
import nl.bluevitaal.privacy.CurrentActor;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Bottlenecks on the model ({@code /inzicht/model}): the journey's diagram (or a process it calls) with the figures per
 * step laid over it, beside the same figures as a table; and the deployed file the page's script draws. For process
 * owners and management; {@link ModelHeat} checks and audits every read.
 */
@Controller
class HeatmapController {

  static final String PATH = "/inzicht/model";

  private final ModelHeat heat;
  private final CurrentActor currentActor;

  HeatmapController(ModelHeat heat, CurrentActor currentActor) {
    this.heat = heat;
    this.currentActor = currentActor;
  }

  @GetMapping(PATH)
  String heatmap(@RequestParam(name = "proces", required = false) String process,
      @RequestParam(name = "periode", required = false) String period, Model model) {
    model.addAttribute("heat", heat.heat(currentActor.get(), blankToNull(process), blankToNull(period)));
    return "insight/model";
  }

  @GetMapping(PATH + "/{key}/diagram")
  ResponseEntity<byte[]> diagram(@PathVariable String key) {
    String xml = heat.diagramXml(currentActor.get(), key);
    return ResponseEntity.ok().contentType(new MediaType(MediaType.APPLICATION_XML, StandardCharsets.UTF_8))
        .body(xml.getBytes(StandardCharsets.UTF_8));
  }

  static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}

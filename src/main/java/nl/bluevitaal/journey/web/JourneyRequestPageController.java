package nl.bluevitaal.journey.web;

import java.util.UUID;
import nl.bluevitaal.journey.JourneyRequests.Request;
import nl.bluevitaal.journey.JourneyRequests;
import nl.bluevitaal.privacy.CurrentActor;
import nl.bluevitaal.web.Ids;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The buttons in the case page's steps section: the request starts its steps, and the caller's own first step of it
 * appears in that section when the page comes back. A request that is not the caller's is refused like the API.
 */
@Controller
class JourneyRequestPageController {

  private final JourneyRequests requests;
  private final CurrentActor currentActor;

  JourneyRequestPageController(JourneyRequests requests, CurrentActor currentActor) {
    this.requests = requests;
    this.currentActor = currentActor;
  }

  @PostMapping(TasklistController.PATH + "/{caseId}/verzoek")
  String request(@PathVariable String caseId, @RequestParam("verzoek") Request request,
      @RequestParam(name = "terug", required = false) String back) {
    UUID id = Ids.parse(caseId);
    requests.request(currentActor.get(), id, request);
    // Back to the page the request came from: the employee's own page or the case page, never an address sent along.
    return "mijn-traject".equals(back) ? "redirect:/mijn-traject#requests-heading"
        : "redirect:/dossiers/" + id + "#steps-heading";
  }
}

package nl.bluevitaal.insight.web;

import java.util.List;
import java.util.Map;
import nl.bluevitaal.insight.FigureKind;
import nl.bluevitaal.insight.FigureQuery;
import nl.bluevitaal.insight.InsightFigures;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.CurrentActor;
import nl.bluevitaal.privacy.TeamLookup;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The line manager's figures of a team they lead ({@code /inzicht/team}): that team's row of the unit's figures, so
 * only what the unit's figures show at group size. Another team is refused by the policy (and recorded), never
 * filtered silently.
 */
@Controller
class TeamInsightController {

  static final String PATH = "/inzicht/team";

  private final InsightFigures figures;
  private final FigureParams params;
  private final FigurePresenter presenter;
  private final CurrentActor currentActor;

  TeamInsightController(InsightFigures figures, FigureParams params, FigurePresenter presenter,
      CurrentActor currentActor) {
    this.figures = figures;
    this.params = params;
    this.presenter = presenter;
    this.currentActor = currentActor;
  }

  @GetMapping(PATH)
  String team(@RequestParam(required = false) String unit, @RequestParam(required = false) String team,
      @RequestParam(required = false) String year, Model model) {
    Actor actor = currentActor.get();
    List<TeamLookup.Team> led = figures.teamsLedBy(actor);
    String chosenUnit = unit;
    String chosenTeam = team;
    if ((team == null || team.isBlank()) && !led.isEmpty()) {
      chosenUnit = led.get(0).unit();
      chosenTeam = led.get(0).team();
    }
    if (chosenUnit == null || chosenUnit.isBlank()) {
      // Nobody's team: the policy refuses it as it refuses any team not led (a line manager without a team, or
      // someone who is no line manager), and the refusal is recorded.
      chosenUnit = "";
      chosenTeam = team == null ? "" : team;
    }
    FigureParams.Choice choice = params.choose(actor, chosenUnit, chosenTeam, year,
        new String[] {chosenUnit, chosenTeam, null});
    FigureQuery chosen = choice.query();
    Map<String, String> errors = choice.errors();
    List<FigurePresenter.FigureView> shown = figures.figures(actor, List.of(FigureKind.values()), chosen).values()
        .stream().map(figure -> presenter.view(figure, LocaleContextHolder.getLocale())).toList();
    model.addAttribute("query", chosen);
    model.addAttribute("errors", errors);
    model.addAttribute("led", led);
    model.addAttribute("years", figures.years());
    model.addAttribute("figures", shown);
    model.addAttribute("csvPath", InsightCsvController.PAGE_PATH);
    return "insight/team";
  }
}

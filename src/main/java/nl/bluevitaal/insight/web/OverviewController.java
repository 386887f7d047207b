package nl.bluevitaal.insight.web;

import java.util.List;
import java.util.Map;
import nl.bluevitaal.insight.FigureKind;
import nl.bluevitaal.insight.FigureQuery;
import nl.bluevitaal.insight.InsightFigures;
import nl.bluevitaal.insight.Population;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.CurrentActor;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The unit's overview for management, counsellors and company doctors ({@code /inzicht}): every figure of a chosen
 * unit (a row per team) or one team of it, for a chosen year; each a chart beside its table and a sentence. A choice
 * that is not valid shows the page again with a message beside the field and the current year's unit figures.
 */
@Controller
class OverviewController {

  static final String PATH = "/inzicht";

  private final InsightFigures figures;
  private final FigureParams params;
  private final FigurePresenter presenter;
  private final CurrentActor currentActor;
  private final Population population;

  OverviewController(InsightFigures figures, FigureParams params, FigurePresenter presenter,
      CurrentActor currentActor, Population population) {
    this.population = population;
    this.figures = figures;
    this.params = params;
    this.presenter = presenter;
    this.currentActor = currentActor;
  }

  @GetMapping(PATH)
  String overview(@RequestParam(required = false) String unit, @RequestParam(required = false) String team,
      @RequestParam(required = false) String year, Model model) {
    Actor actor = currentActor.get();
    FigureParams.Choice choice = params.choose(actor, unit, team, year, new String[3]);
    FigureQuery chosen = choice.query();
    Map<String, String> errors = choice.errors();
    List<FigurePresenter.FigureView> shown = figures.figures(actor, List.of(FigureKind.values()), chosen).values()
        .stream().map(figure -> presenter.view(figure, LocaleContextHolder.getLocale())).toList();
    model.addAttribute("query", chosen);
    model.addAttribute("errors", errors);
    model.addAttribute("typed", Map.of("unit", unit == null ? "" : unit, "team", team == null ? "" : team,
        "year", year == null ? "" : year));
    model.addAttribute("units", figures.units());
    model.addAttribute("teams", figures.teams(chosen.unit()));
    model.addAttribute("years", figures.years());
    model.addAttribute("figures", shown);
    model.addAttribute("csvPath", InsightCsvController.PAGE_PATH);
    // Management keeps the population the absence percentage needs; the link sits beside that figure.
    model.addAttribute("populationPath", population.changedBy(actor) ? PopulationController.PATH : null);
    return "insight/overview";
  }
}

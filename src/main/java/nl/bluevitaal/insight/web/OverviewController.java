package nl.bluevitaal.insight.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.bluevitaal.insight.Figure;
import nl.bluevitaal.insight.FigureKind;
import nl.bluevitaal.insight.FigureQuery;
import nl.bluevitaal.insight.FigureTable;
import nl.bluevitaal.insight.InsightFigures;
import nl.bluevitaal.insight.Population;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.CurrentActor;
import nl.bluevitaal.web.FieldErrorsException;
import nl.bluevitaal.web.NotFoundException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The unit's overview for management, counsellors and company doctors ({@code /inzicht}): every figure of a chosen
 * unit (a row per team, one click away) or one team of it, for a chosen year; each a chart beside its table and a
 * sentence. A choice that is not valid shows the page again with a message beside the field and the current year's
 * unit figures.
 */
@Controller
class OverviewController {

  static final String PATH = "/inzicht";
  static final String TABLE_PATH = "/inzicht/tabel/{figure}/{table}";

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
        .stream().map(figure -> presenter.view(figure, LocaleContextHolder.getLocale(), chosen.team() == null))
        .toList();
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

  /**
   * One table of the unit's page with its team rows ({@link FigurePresenter#view(Figure, Locale, boolean)} folds
   * them): swapped into the page by htmx, or a page of its own without script. Read, checked and audited as the page
   * is (the same figures, so the same numbers). A unit or year that is no longer valid goes back to the unit's page,
   * which names the field.
   */
  @GetMapping(TABLE_PATH)
  String table(@PathVariable String figure, @PathVariable String table, @RequestParam(required = false) String unit,
      @RequestParam(required = false) String year, @RequestHeader(name = "HX-Request", required = false) String htmx,
      Model model, HttpServletRequest request, HttpServletResponse response) {
    Actor actor = currentActor.get();
    FigureKind kind = FigureKind.ofSlug(figure).orElseThrow(() -> new NotFoundException("No figure " + figure));
    FigureQuery query;
    try {
      query = params.parse(actor, unit, null, year, false);
    } catch (FieldErrorsException e) {
      String back = UriComponentsBuilder.fromPath(PATH).queryParamIfPresent("unit", Optional.ofNullable(unit))
          .queryParamIfPresent("year", Optional.ofNullable(year)).encode().toUriString();
      if (htmx != null) {
        // A swap would put the whole page into the table's place: htmx loads it instead.
        response.setHeader("HX-Redirect", request.getContextPath() + back);
        return null;
      }
      return "redirect:" + back;
    }
    Figure answer = figures.figures(actor, List.of(kind), query).get(kind);
    FigureTable chosen = answer.tables().stream().filter(t -> t.key().equals(table)).findFirst()
        .orElseThrow(() -> new NotFoundException("No table " + table + " in figure " + figure));
    Locale locale = LocaleContextHolder.getLocale();
    model.addAttribute("query", query);
    // The figure for its title and address only: folded, so its other tables' team rows are not built for nothing.
    model.addAttribute("f", presenter.view(answer, locale, true));
    model.addAttribute("t", presenter.table(answer, chosen, locale));
    model.addAttribute("csvPath", InsightCsvController.PAGE_PATH);
    // Swapped in, the table takes the focus the link had; a page of its own starts at its top.
    model.addAttribute("focus", htmx != null);
    return htmx != null ? "insight/table :: block" : "insight/table";
  }
}

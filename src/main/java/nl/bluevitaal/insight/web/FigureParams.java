package nl.bluevitaal.insight.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.bluevitaal.insight.FigureQuery;
import nl.bluevitaal.insight.InsightFigures;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.web.FieldErrorsException;
import org.springframework.stereotype.Component;

/**
 * The choice of unit, team and year as the pages and the API take it (query parameters {@code unit}, {@code team},
 * {@code year}), checked field by field. Whether the actor may read it is not decided here: the figures' service asks
 * the policy, so a team the actor does not lead is a refusal, never a hint whether it exists.
 */
@Component
class FigureParams {

  private final InsightFigures figures;

  FigureParams(InsightFigures figures) {
    this.figures = figures;
  }

  /** The query, or a {@link FieldErrorsException} naming each bad field; {@code english} for the API's messages. */
  FigureQuery parse(Actor actor, String unit, String team, String year, boolean english) {
    Map<String, String> errors = new LinkedHashMap<>();
    List<Integer> years = figures.years();
    int chosenYear = years.get(0);
    if (year != null && !year.isBlank()) {
      try {
        chosenYear = Integer.parseInt(year.trim());
        if (!years.contains(chosenYear)) {
          errors.put("year", english ? "Choose a year from " + years.get(years.size() - 1) + " to " + years.get(0)
              + "." : "Kies een jaar van " + years.get(years.size() - 1) + " tot en met " + years.get(0) + ".");
        }
      } catch (NumberFormatException e) {
        errors.put("year", english ? "A year is four digits, for example " + years.get(0) + "."
            : "Een jaar is vier cijfers, bijvoorbeeld " + years.get(0) + ".");
      }
    }
    String chosenUnit = blankToNull(unit);
    String chosenTeam = blankToNull(team);
    if (chosenUnit == null) {
      List<String> units = figures.units();
      chosenUnit = units.isEmpty() ? "" : units.get(0);
    } else if (figures.readsUnit(actor, chosenUnit) && !figures.units().contains(chosenUnit)) {
      errors.put("unit", english ? "There is no unit " + chosenUnit + "." : "Er is geen eenheid " + chosenUnit + ".");
    }
    if (chosenTeam != null && figures.readsUnit(actor, chosenUnit) && !errors.containsKey("unit")
        && !figures.teams(chosenUnit).contains(chosenTeam)) {
      errors.put("team", english ? "The unit has no team " + chosenTeam + "."
          : "De eenheid heeft geen team " + chosenTeam + ".");
    }
    if (!errors.isEmpty()) {
      throw new FieldErrorsException(errors);
    }
    return new FigureQuery(chosenUnit, chosenTeam, chosenYear);
  }

  /** A page's choice: the query asked for, or the default one with the errors to show beside the fields. */
  record Choice(FigureQuery query, Map<String, String> errors) {
  }

  /**
   * For a page: the query asked for; when that is not valid, the errors and the query of the {@code fallback}
   * parameters (unit, team, year; null: the first unit, every team, this year), so the page still shows figures.
   */
  Choice choose(Actor actor, String unit, String team, String year, String[] fallback) {
    try {
      return new Choice(parse(actor, unit, team, year, false), Map.of());
    } catch (FieldErrorsException e) {
      return new Choice(parse(actor, fallback[0], fallback[1], fallback[2], false), e.fieldErrors());
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}

package nl.bluevitaal.insight.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import nl.bluevitaal.identity.Accounts;
import nl.bluevitaal.insight.FigureQuery;
import nl.bluevitaal.insight.InsightFigures;
import nl.bluevitaal.insight.Population;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.CurrentActor;
import nl.bluevitaal.web.ConflictException;
import nl.bluevitaal.web.FieldErrorsException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The population page ({@code /inzicht/bezetting}): a unit's teams with their headcount and FTE per month of a year,
 * for whoever reads the unit's figures; management enters a team's population for a range of months or imports a CSV
 * (a file or pasted lines). What was typed stays on the page with a Dutch message beside each field or line when it is
 * refused, also when someone else changed the unit in the meantime.
 */
@Controller
class PopulationController {

  static final String PATH = "/inzicht/bezetting";
  /** A range entered at once: ten years of months. */
  private static final int MAX_MONTHS = 120;

  /** What the entry form holds, as typed. */
  record Typed(String team, String from, String to, String headcount, String fte) {
  }

  /** A row of the page's table: a team, its cells per month ("48 / 44,6" or empty). */
  record TeamRow(String team, List<String> cells) {
  }

  private final Population population;
  private final InsightFigures figures;
  private final FigureParams params;
  private final FigurePresenter presenter;
  private final CurrentActor currentActor;
  private final Accounts accounts;

  PopulationController(Population population, InsightFigures figures, FigureParams params, FigurePresenter presenter,
      CurrentActor currentActor, Accounts accounts) {
    this.accounts = accounts;
    this.population = population;
    this.figures = figures;
    this.params = params;
    this.presenter = presenter;
    this.currentActor = currentActor;
  }

  @GetMapping(PATH)
  String page(@RequestParam(required = false) String unit, @RequestParam(required = false) String year, Model model) {
    Actor actor = currentActor.get();
    FigureParams.Choice choice = params.choose(actor, unit, null, year, new String[3]);
    FigureQuery query = choice.query();
    Map<String, String> errors = choice.errors();
    Population.Year read = population.read(actor, query.unit(), query.year());
    YearMonth now = YearMonth.from(figures.today());
    String first = read.year() == now.getYear() ? YearMonth.of(read.year(), 1).toString() : read.year() + "-01";
    String last = read.year() == now.getYear() ? now.toString() : read.year() + "-12";
    fill(model, actor, read, errors);
    if (!model.containsAttribute("typed")) {
      model.addAttribute("typed", new Typed("", first, last, "", ""));
    }
    if (!model.containsAttribute("csv")) {
      model.addAttribute("csv", "");
    }
    return "insight/population";
  }

  /** A team's population for a range of months. */
  @PostMapping(PATH)
  String enter(@RequestParam String unit, @RequestParam(required = false) String year,
      @RequestParam(required = false) String version, @RequestParam(required = false) String team,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String headcount, @RequestParam(required = false) String fte, Model model,
      RedirectAttributes redirect) {
    Actor actor = currentActor.get();
    population.checkMayChange(actor, unit);
    FigureQuery query = params.parse(actor, unit, null, year, false);
    Typed typed = new Typed(nullToEmpty(team), nullToEmpty(from), nullToEmpty(to), nullToEmpty(headcount),
        nullToEmpty(fte));
    Map<String, String> errors = new LinkedHashMap<>();
    YearMonth first = Population.month(typed.from());
    YearMonth last = Population.month(typed.to());
    if (first == null) {
      errors.put("from", "Vul de eerste maand in, bijvoorbeeld 2026-01.");
    }
    if (last == null) {
      errors.put("to", "Vul de laatste maand in, bijvoorbeeld 2026-12.");
    } else if (first != null && last.isBefore(first)) {
      errors.put("to", "De laatste maand komt na de eerste.");
    } else if (first != null && first.until(last, java.time.temporal.ChronoUnit.MONTHS) >= MAX_MONTHS) {
      errors.put("to", "Hoogstens " + MAX_MONTHS + " maanden tegelijk.");
    }
    Integer people = null;
    if (!typed.headcount().isBlank()) {
      try {
        people = Integer.parseInt(typed.headcount().strip());
      } catch (NumberFormatException e) {
        errors.put("headcount", "Vul een heel aantal medewerkers in, bijvoorbeeld 48.");
      }
    }
    BigDecimal hours = null;
    if (!typed.fte().isBlank()) {
      try {
        hours = new BigDecimal(typed.fte().strip().replace(',', '.'));
      } catch (NumberFormatException e) {
        errors.put("fte", "Vul een aantal fte in, bijvoorbeeld 44,6.");
      }
    }
    List<Population.Entry> entries = new ArrayList<>();
    if (errors.isEmpty()) {
      for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
        entries.add(new Population.Entry(typed.team().strip(), month, people, hours));
      }
    } else {
      entries.add(new Population.Entry(typed.team().strip(), first == null ? YearMonth.of(2000, 1) : first, people,
          hours));
    }
    // The entries' own checks, each said once beside its field (a range has the same fault in every month).
    population.validate(entries, "rows", false).forEach((path, message) -> {
      String field = path.substring(path.indexOf('.') + 1);
      if (!errors.containsKey(field) && !(field.equals("headcount") && errors.containsKey("headcount"))) {
        errors.putIfAbsent(field.equals("month") ? "from" : field, message);
      }
    });
    int expected = version(version);
    if (!errors.isEmpty()) {
      return again(model, actor, query, errors, typed, "", null);
    }
    try {
      population.save(actor, query.unit(), entries, expected, false);
    } catch (ConflictException e) {
      return again(model, actor, query, Map.of(), typed, "", e.getMessage());
    }
    redirect.addFlashAttribute("saved", entries.size() == 1
        ? "De bezetting van " + typed.team().strip() + " in " + presenter.label("M" + first.getMonthValue(),
            FigurePresenter.DUTCH) + " " + first.getYear() + " is opgeslagen."
        : "De bezetting van " + typed.team().strip() + " is opgeslagen voor " + entries.size() + " maanden.");
    return redirect(query, redirect);
  }

  /** A CSV import: a file, or lines pasted into the field (a file wins when both are given). */
  @PostMapping(PATH + "/import")
  String importCsv(@RequestParam String unit, @RequestParam(required = false) String year,
      @RequestParam(required = false) String version, @RequestParam(required = false) String csv,
      @RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes redirect) {
    Actor actor = currentActor.get();
    population.checkMayChange(actor, unit);
    FigureQuery query = params.parse(actor, unit, null, year, false);
    String text = nullToEmpty(csv);
    Map<String, String> errors = new LinkedHashMap<>();
    if (file != null && !file.isEmpty()) {
      try {
        text = decode(file.getBytes());
      } catch (IOException e) {
        errors.put("file", "Het bestand kon niet worden gelezen; probeer het nog eens.");
      }
    }
    int expected = version(version);
    List<Population.Entry> entries = List.of();
    if (errors.isEmpty()) {
      try {
        entries = population.parseCsv(text, false);
      } catch (FieldErrorsException e) {
        errors.putAll(e.fieldErrors());
      }
    }
    if (!errors.isEmpty()) {
      return again(model, actor, query, errors, null, text, null);
    }
    try {
      population.save(actor, query.unit(), entries, expected, false);
    } catch (ConflictException e) {
      return again(model, actor, query, Map.of(), null, text, e.getMessage());
    }
    redirect.addFlashAttribute("saved", entries.size() + " maanden bezetting zijn geïmporteerd.");
    return redirect(query, redirect);
  }

  private String again(Model model, Actor actor, FigureQuery query, Map<String, String> errors, Typed typed,
      String csv, String conflict) {
    Population.Year read = population.read(actor, query.unit(), query.year());
    fill(model, actor, read, errors);
    YearMonth now = YearMonth.from(figures.today());
    model.addAttribute("typed", typed != null ? typed : new Typed("", read.year() + "-01",
        read.year() == now.getYear() ? now.toString() : read.year() + "-12", "", ""));
    model.addAttribute("csv", csv);
    model.addAttribute("conflict", conflict);
    // Errors of the import, by line, in the order of the file.
    List<String> lineErrors = new ArrayList<>();
    errors.forEach((path, message) -> {
      if (path.startsWith("lines[")) {
        lineErrors.add("Regel " + path.substring(6, path.indexOf(']')) + ": " + message);
      } else if (path.equals("csv") || path.equals("file")) {
        lineErrors.add(message);
      }
    });
    model.addAttribute("lineErrors", lineErrors);
    return "insight/population";
  }

  private void fill(Model model, Actor actor, Population.Year read, Map<String, String> errors) {
    List<YearMonth> months = IntStream.rangeClosed(1, 12).mapToObj(m -> YearMonth.of(read.year(), m)).toList();
    Map<String, Map<YearMonth, Population.Stored>> stored = read.byTeamAndMonth();
    List<TeamRow> rows = read.teams().stream().map(team -> new TeamRow(team, months.stream()
        .map(month -> Optional.ofNullable(stored.getOrDefault(team, Map.of()).get(month))
            .map(row -> row.headcount() + " / " + row.fte().stripTrailingZeros().toPlainString().replace('.', ','))
            .orElse(""))
        .toList())).toList();
    model.addAttribute("population", read);
    // Who changed it last, by name (a login without an account as it is).
    model.addAttribute("changedByName", read.changedBy() == null ? null
        : accounts.displayNames(List.of(read.changedBy())).getOrDefault(read.changedBy(), read.changedBy()));
    model.addAttribute("months", months.stream().map(m -> presenter.label("M" + m.getMonthValue(),
        FigurePresenter.DUTCH)).toList());
    model.addAttribute("rows", rows);
    model.addAttribute("units", figures.units());
    model.addAttribute("years", figures.years());
    model.addAttribute("changes", population.changedBy(actor));
    model.addAttribute("errors", errors);
    // The entry form's own errors, for its summary (the choice of unit and year has its own).
    Map<String, String> enterErrors = new LinkedHashMap<>();
    for (String field : List.of("team", "from", "to", "headcount", "fte")) {
      if (errors.containsKey(field)) {
        enterErrors.put(field, errors.get(field));
      }
    }
    model.addAttribute("enterErrors", enterErrors);
    if (!model.containsAttribute("lineErrors")) {
      model.addAttribute("lineErrors", List.of());
    }
  }

  private static int version(String version) {
    try {
      return version == null ? 0 : Math.max(0, Integer.parseInt(version.strip()));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** Back to the page of the unit and year (after a change: a reload does not send it again). */
  private static String redirect(FigureQuery query, RedirectAttributes redirect) {
    redirect.addAttribute("unit", query.unit());
    redirect.addAttribute("year", query.year());
    // The notice is at the top of the page: go there, not to the form the change was sent from.
    return "redirect:" + PATH + "#population-saved";
  }

  /** A spreadsheet's CSV: UTF-8 (with or without its mark), else Windows-1252 as older Excel writes it. */
  static String decode(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return new String(bytes, Charset.forName("windows-1252"));
    }
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}

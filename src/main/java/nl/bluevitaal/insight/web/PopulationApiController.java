package nl.bluevitaal.insight.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.bluevitaal.insight.FigureQuery;
import nl.bluevitaal.insight.Population;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.CurrentActor;
import nl.bluevitaal.web.FieldErrorsException;
import org.springframework.http.MediaType;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The population of a unit's teams per month (headcount and FTE), the ground of the absence percentage and the
 * reporting frequency: read by whoever reads the unit's figures, entered (JSON) or imported (CSV) by management. A
 * change quotes the unit's version it was based on; a stale one is a 409.
 */
@RestController
@RequestMapping(PopulationApiController.PATH)
@Tag(name = "Insight")
class PopulationApiController {

  static final String PATH = "/api/insight/population";

  /** One team and month as a client sends it; the month as {@code 2026-01}. */
  record RowBody(@Nullable String team, @Nullable String month, @Nullable Integer headcount, @Nullable BigDecimal fte) {
  }

  /** A change: the version read, and the months it states. */
  record ChangeBody(@Nullable Integer version, @Nullable List<RowBody> rows) {
  }

  @JsonInclude(JsonInclude.Include.ALWAYS)
  record StoredRow(String team, String month, int headcount, BigDecimal fte, @Nullable String changedBy,
      @Nullable OffsetDateTime changedAt) {
  }

  @JsonInclude(JsonInclude.Include.ALWAYS)
  record PopulationResponse(String unit, int year, int version, List<String> teams, List<StoredRow> rows) {
  }

  record Saved(String unit, int months, int version) {
  }

  private final Population population;
  private final FigureParams params;
  private final CurrentActor currentActor;

  PopulationApiController(Population population, FigureParams params, CurrentActor currentActor) {
    this.population = population;
    this.params = params;
    this.currentActor = currentActor;
  }

  @GetMapping
  @Operation(summary = "The population of a unit's teams per month in a calendar year",
      description = "Headcount and FTE per team and month, who changed each month last, and the unit's version that a"
          + " change must quote. For whoever reads the unit's figures; recorded in the audit trail.")
  @ApiResponse(responseCode = "200", description = "The population")
  @ApiResponse(responseCode = "400", description = "A bad unit or year (problem+json, a message per field)")
  @ApiResponse(responseCode = "403", description = "Not for the caller (recorded)")
  PopulationResponse read(
      @Parameter(description = "The unit; the first one when left out") @RequestParam(required = false) String unit,
      @Parameter(description = "The calendar year; this year when left out") @RequestParam(required = false)
      String year) {
    Actor actor = currentActor.get();
    FigureQuery query = params.parse(actor, unit, null, year, true);
    Population.Year read = population.read(actor, query.unit(), query.year());
    return new PopulationResponse(read.unit(), read.year(), read.version(), read.teams(), read.rows().stream()
        .map(row -> new StoredRow(row.team(), row.month().toString(), row.headcount(), row.fte(), row.changedBy(),
            row.changedAt()))
        .toList());
  }

  @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "States the population of a unit's teams for the months given",
      description = "Management only. Each row: team, month (2026-01), headcount, fte (at most two decimals, not more"
          + " than the headcount). Nothing is stored unless every row is valid. version: the unit's version as read;"
          + " when someone changed the unit since, 409.")
  @ApiResponse(responseCode = "200", description = "Stored; the unit's new version")
  @ApiResponse(responseCode = "400", description = "A message per field (rows[2].fte), nothing stored")
  @ApiResponse(responseCode = "403", description = "Not management (recorded)")
  @ApiResponse(responseCode = "409", description = "The unit changed since the version quoted")
  Saved change(@Parameter(description = "The unit", required = true) @RequestParam(required = false) String unit,
      @RequestBody ChangeBody body) {
    String chosen = unit(unit);
    population.checkMayChange(currentActor.get(), chosen);
    Map<String, String> errors = new LinkedHashMap<>();
    if (body.version() == null || body.version() < 0) {
      errors.put("version", "Give the unit's version as read (0 for a unit without population).");
    }
    if (body.rows() == null || body.rows().isEmpty()) {
      errors.put("rows", "Give at least one row.");
    } else if (body.rows().size() > Population.MAX_LINES) {
      errors.put("rows", "At most " + Population.MAX_LINES + " rows at once.");
    }
    List<Population.Entry> entries = new ArrayList<>();
    Map<String, String> unreadable = new LinkedHashMap<>();
    List<RowBody> rows = body.rows() == null ? List.of() : body.rows();
    for (int i = 0; i < rows.size() && errors.isEmpty(); i++) {
      RowBody row = rows.get(i);
      YearMonth month = Population.month(row.month());
      if (row.month() != null && month == null) {
        unreadable.put("rows[" + i + "].month", "\"" + row.month() + "\" is no month; write 2026-01.");
      }
      entries.add(new Population.Entry(row.team(), month, row.headcount(), row.fte()));
    }
    if (errors.isEmpty()) {
      errors.putAll(population.validate(entries, "rows", true));
      errors.putAll(unreadable);
    }
    if (!errors.isEmpty()) {
      throw new FieldErrorsException(errors);
    }
    int version = population.save(currentActor.get(), chosen, entries, body.version(), true);
    return new Saved(chosen, entries.size(), version);
  }

  @PostMapping(path = "/csv", consumes = "text/csv")
  @Operation(summary = "Imports the population of a unit's teams as CSV",
      description = "Management only. A line per team and month: team;month;headcount;fte (semicolons and a decimal"
          + " comma) or the same with commas and a decimal point; a first line of column names is skipped. Nothing is"
          + " stored unless every line is valid; errors name the line (lines[3].fte). version: as for PUT.")
  @ApiResponse(responseCode = "200", description = "Imported; the unit's new version")
  @ApiResponse(responseCode = "400", description = "A message per line and field, nothing stored")
  @ApiResponse(responseCode = "403", description = "Not management (recorded)")
  @ApiResponse(responseCode = "409", description = "The unit changed since the version quoted")
  Saved importCsv(@Parameter(description = "The unit", required = true) @RequestParam(required = false) String unit,
      @Parameter(description = "The unit's version as read", required = true) @RequestParam(required = false)
      Integer version, @RequestBody(required = false) String csv) {
    String chosen = unit(unit);
    population.checkMayChange(currentActor.get(), chosen);
    if (version == null || version < 0) {
      throw new FieldErrorsException(Map.of("version",
          "Give the unit's version as read (0 for a unit without population)."));
    }
    List<Population.Entry> entries = population.parseCsv(csv, true);
    return new Saved(chosen, entries.size(), population.save(currentActor.get(), chosen, entries, version, true));
  }

  private static String unit(String unit) {
    if (unit == null || unit.isBlank()) {
      throw new FieldErrorsException(Map.of("unit", "Name the unit."));
    }
    if (unit.strip().length() > 120) {
      throw new FieldErrorsException(Map.of("unit", "A unit's name is at most 120 characters."));
    }
    return unit.strip();
  }
}

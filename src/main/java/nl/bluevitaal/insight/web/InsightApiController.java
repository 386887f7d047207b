package nl.bluevitaal.insight.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import nl.bluevitaal.insight.Figure;
import nl.bluevitaal.insight.FigureKind;
import nl.bluevitaal.insight.FigureQuery;
import nl.bluevitaal.insight.FigureTable;
import nl.bluevitaal.insight.GroupSizeGate;
import nl.bluevitaal.insight.InsightFigures;
import nl.bluevitaal.insight.Shown;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.CurrentActor;
import nl.bluevitaal.web.NotFoundException;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The unit's figures as JSON: every number as the gate showed it, a hidden one without its value. */
@RestController
@RequestMapping("/api/insight")
@Tag(name = "Insight", description = "Aggregated figures of a unit or one of its teams (privacy domain G): never a"
    + " case or a name; a count of fewer people than the minimum group, or one that would let such a count be worked"
    + " out, comes as {\"value\": null, \"hidden\": reason}")
class InsightApiController {

  /** One number: its value, or null and why it is hidden. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record Cell(@Nullable Number value, @Nullable Shown.Hidden hidden) {

    static Cell of(Shown shown) {
      if (!shown.visible()) {
        return new Cell(null, shown.hidden());
      }
      double value = shown.value();
      return new Cell(value == Math.rint(value) ? (Number) Math.round(value) : (Number) value, null);
    }
  }

  /** A row: a team (key TEAM, its name in team) or what key names (TOTAL, a phase, a milestone, a category). */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record Row(String key, @Nullable String team, List<Cell> cells) {
  }

  record Table(String key, List<String> columns, List<Row> rows) {
  }

  @JsonInclude(JsonInclude.Include.ALWAYS)
  record FigureResponse(String figure, String unit, @Nullable String team, int year, int minimumGroup,
      List<Table> tables) {

    static FigureResponse of(Figure figure, int minimumGroup) {
      FigureQuery query = figure.query();
      return new FigureResponse(figure.kind().slug(), query.unit(), query.team(), query.year(), minimumGroup,
          figure.tables().stream().map(FigureResponse::table).toList());
    }

    private static Table table(FigureTable table) {
      return new Table(table.key(), table.columns(), table.rows().stream()
          .map(row -> new Row(row.key(), row.team(), row.cells().stream().map(Cell::of).toList())).toList());
    }
  }

  private final InsightFigures figures;
  private final FigureParams params;
  private final GroupSizeGate gate;
  private final CurrentActor currentActor;

  InsightApiController(InsightFigures figures, FigureParams params, GroupSizeGate gate, CurrentActor currentActor) {
    this.figures = figures;
    this.params = params;
    this.gate = gate;
    this.currentActor = currentActor;
  }

  @GetMapping("/{figure}")
  @Operation(summary = "One figure of a unit, or of one team of it, for a calendar year",
      description = "figure: throughput, phases, cycle-time, deadlines, outcomes, help-demand, missing-aspects."
          + " Without team: a row per team and the unit's TOTAL row; with team: that team's row only (the line"
          + " manager: only a team they lead). Every read is recorded in the audit trail.")
  @ApiResponse(responseCode = "200", description = "The figure's tables")
  @ApiResponse(responseCode = "400", description = "A bad unit, team or year (problem+json, a message per field)")
  @ApiResponse(responseCode = "403", description = "Not for the caller (recorded)")
  @ApiResponse(responseCode = "404", description = "No such figure")
  FigureResponse figure(@PathVariable String figure,
      @Parameter(description = "The unit; the first one when left out") @RequestParam(required = false) String unit,
      @Parameter(description = "One team of the unit") @RequestParam(required = false) String team,
      @Parameter(description = "The calendar year; this year when left out") @RequestParam(required = false)
      String year) {
    return FigureResponse.of(read(figure, unit, team, year, true), gate.minimumGroup());
  }

  /** The figure the parameters ask for, checked and audited; shared with the CSV download. */
  Figure read(String slug, String unit, String team, String year, boolean english) {
    FigureKind kind = FigureKind.ofSlug(slug).orElseThrow(() -> new NotFoundException("No figure " + slug));
    Actor actor = currentActor.get();
    return figures.figure(actor, kind, params.parse(actor, unit, team, year, english));
  }
}

package nl.bluevitaal.insight.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.bluevitaal.insight.Figure;
import nl.bluevitaal.insight.FigureTable;
import nl.bluevitaal.web.FieldErrorsException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * One table of a figure as CSV for a spreadsheet: Dutch headers, semicolons (a Dutch spreadsheet reads them), a hidden
 * number as "&lt; 10" or "–" exactly as the page shows it. The same download from the pages (the signed-in session)
 * and from the API (HTTP Basic).
 */
@RestController
class InsightCsvController {

  static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
  static final String PAGE_PATH = "/inzicht/csv/";

  private final InsightApiController api;
  private final FigurePresenter presenter;

  InsightCsvController(InsightApiController api, FigurePresenter presenter) {
    this.api = api;
    this.presenter = presenter;
  }

  @GetMapping({"/api/insight/{figure}/csv", PAGE_PATH + "{figure}"})
  @Operation(summary = "One table of a figure as CSV (text/csv, UTF-8, semicolons, Dutch headers)",
      description = "table: the table's key (the first table of the figure when left out). A hidden number is"
          + " '< 10' (a small group) or '–' (hidden so that a small group cannot be worked out).")
  @ApiResponse(responseCode = "200", description = "The CSV",
      content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
  @ApiResponse(responseCode = "400", description = "A bad unit, team, year or table (problem+json)")
  @ApiResponse(responseCode = "403", description = "Not for the caller (recorded)")
  ResponseEntity<byte[]> csv(@PathVariable String figure, @RequestParam(required = false) String unit,
      @RequestParam(required = false) String team, @RequestParam(required = false) String year,
      @RequestParam(required = false) String table) {
    Figure answer = api.read(figure, unit, team, year, false);
    FigureTable chosen = answer.tables().stream()
        .filter(t -> table == null || table.isBlank() || t.key().equals(table)).findFirst()
        .orElseThrow(() -> new FieldErrorsException(Map.of("table", "Deze figuur heeft geen tabel " + table + ".")));
    String body = "\uFEFF" + csv(answer, chosen);
    String name = "inzicht-" + figure + "-" + chosen.key() + "-" + answer.query().year() + ".csv";
    return ResponseEntity.ok().contentType(CSV)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
        .body(body.getBytes(StandardCharsets.UTF_8));
  }

  private String csv(Figure figure, FigureTable table) {
    FigurePresenter.TableView view = presenter.table(figure, table, FigurePresenter.DUTCH);
    StringBuilder out = new StringBuilder();
    List<String> header = new ArrayList<>();
    header.add(view.rowHeader());
    header.addAll(view.columns());
    line(out, header);
    for (FigurePresenter.RowView row : view.rows()) {
      List<String> fields = new ArrayList<>();
      fields.add(row.label());
      row.cells().forEach(cell -> fields.add(cell.text()));
      line(out, fields);
    }
    return out.toString();
  }

  private static void line(StringBuilder out, List<String> fields) {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.append(';');
      }
      String field = fields.get(i);
      boolean quote = field.contains(";") || field.contains("\"") || field.contains("\n") || field.startsWith("=")
          || field.startsWith("+") || field.startsWith("-") || field.startsWith("@");
      // A team name starting with = would be a formula in a spreadsheet: quoted and prefixed, it stays text.
      String safe = field.startsWith("=") || field.startsWith("+") || field.startsWith("@") ? "'" + field : field;
      out.append(quote ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe);
    }
    out.append("\r\n");
  }
}

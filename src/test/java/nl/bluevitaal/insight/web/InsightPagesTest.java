package nl.bluevitaal.insight.web;

import static nl.bluevitaal.support.Pages.as;
import static nl.bluevitaal.support.Pages.attribute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.insight.Figure;
import nl.bluevitaal.insight.FigureKind;
import nl.bluevitaal.insight.FigureQuery;
import nl.bluevitaal.insight.FigureTable;
import nl.bluevitaal.insight.InsightFigures;
import nl.bluevitaal.insight.ReadModelRows;
import nl.bluevitaal.insight.SmallCaseload;
import nl.bluevitaal.support.ApplicationTest;
import nl.bluevitaal.support.CaseFixtures.SickCase;
import nl.bluevitaal.support.CaseFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The insight pages, the API and the CSV on the small fixed caseload ({@link SmallCaseload}) in the case file's unit,
 * its team A led by a line manager: who may read what (every refusal recorded), what the page, the JSON and the CSV
 * show of a hidden number (never its value), and that the three show exactly the numbers of the figure itself, so the
 * figure-level attacks ({@code InsightFiguresTest}) hold for each of them.
 */
@ApplicationTest
class InsightPagesTest {

  private static final String UNIT = "Eenheid Test";

  @Autowired
  MockMvc mvc;
  @Autowired
  CaseFixtures fixtures;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  InsightFigures figures;
  @Autowired
  FigurePresenter presenter;
  @Autowired
  ObjectMapper json;

  SmallCaseload load;
  String lineManager;
  String management;

  @BeforeEach
  void smallCaseloadWithALineManagerOfTeamA() {
    load = new SmallCaseload(new ReadModelRows(jdbc), UNIT, CaseFixtures.tag("Team ") + " ", figures.today());
    lineManager = fixtures.user("ilm", Groups.LINE_MANAGER);
    management = fixtures.user("imgmt", Groups.MANAGEMENT);
    fixtures.employee(SickCase.of(null, "Medewerker " + CaseFixtures.tag("im")).team(load.a, lineManager));
  }

  String query() {
    return "?unit=" + UNIT + "&year=" + load.year;
  }

  @Test
  void managementCounsellorsAndCompanyDoctorsSeeTheUnitsFiguresBesideTheirTables() throws Exception {
    MvcResult page = mvc.perform(get("/inzicht" + query() + "&team=" + load.b).with(as(management, Groups.MANAGEMENT)))
        .andExpect(status().isOk())
        .andExpect(view().name("insight/overview"))
        .andExpect(content().string(containsString("&lt; 10")))
        .andExpect(content().string(containsString("/vendor/chartjs/chart.umd.min.js")))
        .andExpect(content().string(containsString("/inzicht/definities#throughput")))
        .andReturn();
    List<FigurePresenter.FigureView> shown = attribute(page, "figures");
    assertThat(shown).extracting(FigurePresenter.FigureView::slug).containsExactly("throughput", "phases",
        "cycle-time", "deadlines", "outcomes", "help-demand", "missing-aspects", "absence");
    assertThat(shown).allSatisfy(figure -> {
      assertThat(figure.summary()).isNotBlank();
      assertThat(figure.chart()).contains("\"labels\"");
    });
    // Team B's figure: its one row, its inflow of the year hidden as a small group, never the 3.
    FigurePresenter.TableView inflow = shown.get(0).tables().get(0);
    assertThat(inflow.rows()).extracting(FigurePresenter.RowView::label).containsExactly(load.b);
    assertThat(inflow.rows().get(0).cells().get(0)).isEqualTo(new FigurePresenter.CellView("< 10", "SMALL_GROUP",
        "minder dan 10 mensen, verborgen"));
    assertThat(page.getResponse().getContentAsString()).doesNotContain(load.teamB.get(0).toString());

    for (String reader : List.of(Groups.COUNSELLOR, Groups.COMPANY_DOCTOR)) {
      mvc.perform(get("/inzicht" + query()).with(as(fixtures.user("ir", reader), reader)))
          .andExpect(status().isOk()).andExpect(view().name("insight/overview"));
    }
  }

  @Test
  void thePageTheJsonAndTheCsvShowExactlyTheFiguresNumbersAndAHiddenOneWithoutItsValue() throws Exception {
    Figure figure = figures.figure(CaseFixtures.actor(management, Groups.MANAGEMENT), FigureKind.THROUGHPUT,
        new FigureQuery(UNIT, null, load.year));
    FigurePresenter.TableView expected = presenter.table(figure, figure.table("flow-teams"), FigurePresenter.DUTCH);

    // The unit's page shows the unit's row and folds the teams' rows behind a link to the whole table.
    MvcResult page = mvc.perform(get("/inzicht" + query()).with(as(management, Groups.MANAGEMENT))).andReturn();
    List<FigurePresenter.FigureView> shown = attribute(page, "figures");
    FigurePresenter.TableView onPage = shown.get(0).tables().stream()
        .filter(table -> table.key().equals("flow-teams")).findFirst().orElseThrow();
    assertThat(onPage.rows()).isEqualTo(expected.rows().stream().filter(FigurePresenter.RowView::total).toList());
    assertThat(onPage.teams()).isEqualTo(figure.table("flow-teams").rows().stream()
        .filter(row -> row.team() != null).count());
    String teamsPath = "/inzicht/tabel/throughput/flow-teams?unit=" + UNIT.replace(" ", "%20") + "&amp;year="
        + load.year;
    assertThat(page.getResponse().getContentAsString()).contains("href=\"" + teamsPath + "\"")
        .contains("hx-get=\"" + teamsPath + "\"");
    // The link: the whole table, as a page of its own, and as the block htmx swaps in (which takes the focus).
    for (boolean htmx : List.of(false, true)) {
      MockHttpServletRequestBuilder teams = get("/inzicht/tabel/throughput/flow-teams" + query())
          .with(as(management, Groups.MANAGEMENT));
      MvcResult whole = mvc.perform(htmx ? teams.header("HX-Request", "true") : teams)
          .andExpect(status().isOk())
          .andExpect(view().name(htmx ? "insight/table :: block" : "insight/table"))
          .andReturn();
      FigurePresenter.TableView all = attribute(whole, "t");
      assertThat(all.teams()).isZero();
      assertThat(all.rows().stream().filter(row -> !row.label().startsWith("Team Test")).toList())
          .isEqualTo(expected.rows().stream().filter(row -> !row.label().startsWith("Team Test")).toList());
      String html = whole.getResponse().getContentAsString();
      assertThat(html).contains(load.b).doesNotContain(load.teamB.get(0).toString());
      assertThat(html.contains("autofocus")).isEqualTo(htmx);
      assertThat(html.contains("<html")).isEqualTo(!htmx);
      // A page of its own says what "< 10" and the dash mean, as the unit's page does.
      assertThat(html.contains("id=\"hidden-note\"")).isEqualTo(!htmx);
    }

    String body = mvc.perform(get("/api/insight/throughput" + query()).with(as(management, Groups.MANAGEMENT)))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
        .andExpect(jsonPath("$.minimumGroup").value(10))
        .andReturn().getResponse().getContentAsString();
    JsonNode api = json.readTree(body);
    JsonNode flows = null;
    for (JsonNode table : api.get("tables")) {
      if (table.get("key").asText().equals("flow-teams")) {
        flows = table;
      }
    }
    assertThat(flows).isNotNull();
    JsonNode teamB = null;
    for (JsonNode row : flows.get("rows")) {
      if (load.b.equals(row.get("team").asText())) {
        teamB = row;
      }
    }
    assertThat(teamB).isNotNull();
    JsonNode inflow = teamB.get("cells").get(0);
    assertThat(inflow.has("value")).isTrue();
    assertThat(inflow.get("value").isNull()).isTrue();
    assertThat(inflow.get("hidden").asText()).isEqualTo("SMALL_GROUP");
    assertThat(body).doesNotContain(load.teamB.get(0).toString()).doesNotContain("counsellor-x");
    FigureTable.Row own = figure.table("flow-teams").rows().stream().filter(row -> load.b.equals(row.team()))
        .findFirst().orElseThrow();
    for (int i = 0; i < own.cells().size(); i++) {
      JsonNode cell = teamB.get("cells").get(i);
      Double value = cell.get("value").isNull() ? null : cell.get("value").asDouble();
      assertThat(value).isEqualTo(own.cells().get(i).value());
    }

    MvcResult csv = mvc.perform(get("/inzicht/csv/throughput" + query() + "&table=flow-teams")
            .with(as(management, Groups.MANAGEMENT)))
        .andExpect(status().isOk())
        .andExpect(content().contentType("text/csv;charset=UTF-8"))
        .andReturn();
    String text = new String(csv.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    List<String> lines = List.of(text.replace("\uFEFF", "").split("\r\n"));
    assertThat(lines.get(0)).isEqualTo("Team;Instroom;Uitstroom");
    List<String> expectedLines = new ArrayList<>();
    for (FigurePresenter.RowView row : expected.rows()) {
      List<String> fields = new ArrayList<>(List.of(row.label()));
      row.cells().forEach(cell -> fields.add(cell.text()));
      expectedLines.add(String.join(";", fields));
    }
    assertThat(lines).containsAll(expectedLines.stream().filter(line -> line.startsWith(load.b)).toList());
    assertThat(lines.stream().filter(line -> line.startsWith(load.b)).findFirst().orElseThrow())
        .startsWith(load.b + ";< 10;");
  }

  @Test
  void badParametersAreAProblemWithAMessagePerField() throws Exception {
    mvc.perform(get("/api/insight/throughput?year=abc&unit=Nergens").with(as(management, Groups.MANAGEMENT)))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[?(@.field == 'year')]").exists())
        .andExpect(jsonPath("$.errors[?(@.field == 'unit')]").exists());
    mvc.perform(get("/api/insight/throughput" + query() + "&team=Geen team").with(as(management, Groups.MANAGEMENT)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("team"));
    mvc.perform(get("/api/insight/nothing").with(as(management, Groups.MANAGEMENT)))
        .andExpect(status().isNotFound());
    // The page shows the current year's figures again, with the message beside the year.
    MvcResult page = mvc.perform(get("/inzicht?year=1900").with(as(management, Groups.MANAGEMENT)))
        .andExpect(status().isOk())
        .andExpect(view().name("insight/overview"))
        .andReturn();
    assertThat(errors(page)).containsKey("year");
    // A table of the unit's page asked with a bad year goes back to that page, which names the field; an unknown
    // figure or table is not found.
    mvc.perform(get("/inzicht/tabel/throughput/flow-teams?unit=" + UNIT + "&year=1900")
            .with(as(management, Groups.MANAGEMENT)))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/inzicht?unit=Eenheid%20Test&year=1900"));
    mvc.perform(get("/inzicht/tabel/throughput/flow-teams?unit=" + UNIT + "&year=1900").header("HX-Request", "true")
            .with(as(management, Groups.MANAGEMENT)))
        .andExpect(status().isOk())
        .andExpect(header().string("HX-Redirect", "/inzicht?unit=Eenheid%20Test&year=1900"));
    mvc.perform(get("/inzicht/tabel/nothing/flow-teams" + query()).with(as(management, Groups.MANAGEMENT)))
        .andExpect(status().isNotFound());
    mvc.perform(get("/inzicht/tabel/throughput/nothing" + query()).with(as(management, Groups.MANAGEMENT)))
        .andExpect(status().isNotFound());
  }

  @Test
  void employeesBuddiesTheHomeFrontAndProcessOwnersAreRefusedEverywhereAndRecorded() throws Exception {
    List<RequestPostProcessor> refused = new ArrayList<>();
    List<String> users = new ArrayList<>();
    for (String group : List.of(Groups.EMPLOYEE, Groups.BUDDY, Groups.HOME_FRONT, Groups.PROCESS_OWNER)) {
      String user = fixtures.user("iref", group);
      users.add(user);
      refused.add(as(user, group));
    }
    for (RequestPostProcessor who : refused) {
      for (String path : List.of("/inzicht" + query(), "/inzicht/team", "/api/insight/throughput" + query(),
          "/api/insight/phases" + query(), "/inzicht/csv/throughput" + query(),
          "/inzicht/tabel/throughput/flow-teams" + query())) {
        mvc.perform(get(path).with(who)).andExpect(status().isForbidden());
      }
    }
    for (String user : users) {
      assertThat(refusals(user)).as(user).isGreaterThanOrEqualTo(6);
      assertThat(reads(user)).as(user).isZero();
    }
  }

  @Test
  void theLineManagerSeesOnlyTheTeamTheyLeadAndIsRefusedAnotherTeamAndTheUnit() throws Exception {
    MvcResult page = mvc.perform(get("/inzicht/team?year=" + load.year).with(as(lineManager, Groups.LINE_MANAGER)))
        .andExpect(status().isOk())
        .andExpect(view().name("insight/team"))
        .andReturn();
    FigureQuery query = attribute(page, "query");
    assertThat(query).isEqualTo(new FigureQuery(UNIT, load.a, load.year));
    List<FigurePresenter.FigureView> shown = attribute(page, "figures");
    for (FigurePresenter.FigureView figure : shown) {
      for (FigurePresenter.TableView table : figure.tables()) {
        assertThat(table.rows()).noneMatch(FigurePresenter.RowView::total);
        assertThat(table.rows()).extracting(FigurePresenter.RowView::label)
            .noneMatch(label -> label.equals(load.b) || label.equals(load.c));
      }
    }

    RequestPostProcessor manager = as(lineManager, Groups.LINE_MANAGER);
    mvc.perform(get("/inzicht/team?unit=" + UNIT + "&team=" + load.b).with(manager)).andExpect(status().isForbidden());
    mvc.perform(get("/api/insight/throughput?unit=" + UNIT + "&team=" + load.b).with(manager))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    mvc.perform(get("/inzicht" + query()).with(manager)).andExpect(status().isForbidden());
    mvc.perform(get("/inzicht/tabel/throughput/flow-teams" + query()).with(manager))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/insight/throughput?unit=" + UNIT + "&team=" + load.a).with(manager))
        .andExpect(status().isOk());
    assertThat(refusals(lineManager)).isEqualTo(4);
  }

  @Test
  void theHomePageLeadsManagementAndTheLineManagerToTheirFigures() throws Exception {
    mvc.perform(get("/").with(as(management, Groups.MANAGEMENT)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("href=\"/inzicht\"")))
        .andExpect(content().string(not(containsString("nog niet klaar"))));
    mvc.perform(get("/").with(as(lineManager, Groups.LINE_MANAGER)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("href=\"/inzicht/team\"")));
    mvc.perform(get("/inzicht/definities").with(as(management, Groups.MANAGEMENT)))
        .andExpect(status().isOk())
        .andExpect(view().name("insight/definitions"))
        .andExpect(content().string(containsString("id=\"throughput\"")));
  }

  private long refusals(String user) {
    return jdbc.sql("select count(*) from audit_event where actor_user_id = :u and action = 'REFUSED'")
        .param("u", user).query(Long.class).single();
  }

  private long reads(String user) {
    return jdbc.sql("select count(*) from audit_event where actor_user_id = :u and action = 'READ'")
        .param("u", user).query(Long.class).single();
  }

  private static Map<String, String> errors(MvcResult page) {
    return attribute(page, "errors");
  }
}

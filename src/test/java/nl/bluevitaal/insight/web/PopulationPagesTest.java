package nl.bluevitaal.insight.web;

import static nl.bluevitaal.support.Pages.as;
import static nl.bluevitaal.support.Pages.attribute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.insight.FigureKind;
import nl.bluevitaal.insight.FigureQuery;
import nl.bluevitaal.insight.FigureTable;
import nl.bluevitaal.insight.InsightFigures;
import nl.bluevitaal.insight.ReadModelRows;
import nl.bluevitaal.insight.ReadModelRows.CaseRow;
import nl.bluevitaal.insight.Shown;
import nl.bluevitaal.support.ApplicationTest;
import nl.bluevitaal.support.CaseFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The population page and API: management enters a range of months and imports CSV (a file, pasted lines, JSON); bad
 * input is refused with a message per field or line and loses nothing typed; a change based on a stale version is a
 * 409 that keeps what was typed; those who read the unit see the population, no one else; only management changes it;
 * every refusal recorded. The absence figure then reads it.
 */
@ApplicationTest
class PopulationPagesTest {

  @Autowired
  MockMvc mvc;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  CaseFixtures fixtures;
  @Autowired
  InsightFigures figures;

  String unit;
  String management;
  int year;

  @BeforeEach
  void aUnitWithACase() {
    unit = CaseFixtures.tag("Eenheid P");
    year = figures.today().getYear();
    new ReadModelRows(jdbc).add(CaseRow.opened(unit, "Team Noord", LocalDate.of(year, 1, 10)));
    management = fixtures.user("pmgmt", Groups.MANAGEMENT);
  }

  @Test
  void managementEntersARangeOfMonthsAndTheAbsenceFigureReadsIt() throws Exception {
    mvc.perform(post("/inzicht/bezetting").with(as(management, Groups.MANAGEMENT)).with(csrf())
            .param("unit", unit).param("year", String.valueOf(year)).param("version", "0")
            .param("team", "Team Noord").param("from", year + "-01").param("to", year + "-03")
            .param("headcount", "48").param("fte", "44,6"))
        .andExpect(status().is3xxRedirection());

    MvcResult page = mvc.perform(get("/inzicht/bezetting?unit=" + unit + "&year=" + year)
            .with(as(management, Groups.MANAGEMENT)))
        .andExpect(status().isOk())
        .andExpect(view().name("insight/population"))
        .andExpect(content().string(containsString("48 / 44,6")))
        .andExpect(content().string(containsString("id=\"population-enter\"")))
        .andReturn();
    List<PopulationController.TeamRow> rows = attribute(page, "rows");
    assertThat(rows).extracting(PopulationController.TeamRow::team).containsExactly("Team Noord");
    assertThat(rows.get(0).cells()).startsWith("48 / 44,6", "48 / 44,6", "48 / 44,6");

    FigureTable population = figures.figure(CaseFixtures.actor(management, Groups.MANAGEMENT), FigureKind.ABSENCE,
        new FigureQuery(unit, null, year)).table("population");
    assertThat(population.headline().cells()).containsExactly(Shown.of(48), Shown.of(44.6));
    assertThat(audited(management, "WRITE", "%population: 3 months (population of unit " + unit + ")%")).isOne();
  }

  @Test
  void badInputIsRefusedBesideItsFieldInDutchAndKeepsWhatWasTyped() throws Exception {
    MvcResult page = mvc.perform(post("/inzicht/bezetting").with(as(management, Groups.MANAGEMENT)).with(csrf())
            .param("unit", unit).param("year", String.valueOf(year)).param("version", "0")
            .param("team", "Team Noord").param("from", year + "-05").param("to", year + "-02")
            .param("headcount", "48").param("fte", "60"))
        .andExpect(status().isOk())
        .andExpect(view().name("insight/population"))
        .andReturn();
    Map<String, String> errors = attribute(page, "errors");
    assertThat(errors).containsEntry("to", "De laatste maand komt na de eerste.");
    assertThat(attribute(page, "typed").toString()).contains("team=Team Noord", "headcount=48", "fte=60");

    page = mvc.perform(post("/inzicht/bezetting").with(as(management, Groups.MANAGEMENT)).with(csrf())
            .param("unit", unit).param("year", String.valueOf(year)).param("version", "0")
            .param("team", " ").param("from", year + "-01").param("to", year + "-02")
            .param("headcount", "veel").param("fte", "60"))
        .andExpect(status().isOk())
        .andReturn();
    errors = attribute(page, "errors");
    assertThat(errors).containsEntry("team", "Vul het team in.")
        .containsEntry("headcount", "Vul een heel aantal medewerkers in, bijvoorbeeld 48.");

    page = mvc.perform(post("/inzicht/bezetting").with(as(management, Groups.MANAGEMENT)).with(csrf())
            .param("unit", unit).param("year", String.valueOf(year)).param("version", "0")
            .param("team", "Team Noord").param("from", year + "-01").param("to", year + "-02")
            .param("headcount", "48").param("fte", "60"))
        .andExpect(status().isOk())
        .andReturn();
    assertThat((Map<String, String>) attribute(page, "errors"))
        .containsEntry("fte", "Het aantal fte kan niet meer zijn dan het aantal medewerkers.");
    assertThat(stored()).isZero();
  }

  @Test
  void aCsvWithAFaultyLineImportsNothingAndNamesTheLine() throws Exception {
    String csv = "team;maand;medewerkers;fte\nTeam Noord;" + year + "-01;48;44,6\nTeam Noord;dertien;48;44,6\n"
        + "Team Zuid;" + year + "-01;30;31\nTeam Noord;" + year + "-01;48;44,6\n";
    MvcResult page = mvc.perform(multipart("/inzicht/bezetting/import").with(as(management, Groups.MANAGEMENT))
            .with(csrf()).param("unit", unit).param("year", String.valueOf(year)).param("version", "0")
            .param("csv", csv))
        .andExpect(status().isOk())
        .andExpect(view().name("insight/population"))
        .andExpect(content().string(containsString("id=\"population-import-errors\"")))
        .andReturn();
    List<String> lineErrors = attribute(page, "lineErrors");
    assertThat(lineErrors).containsExactly(
        "Regel 3: \"dertien\" is geen maand; schrijf 2026-01.",
        "Regel 4: Het aantal fte kan niet meer zijn dan het aantal medewerkers.",
        "Regel 5: Dit team en deze maand staan al in regel 2.");
    assertThat((String) attribute(page, "csv")).isEqualTo(csv);
    assertThat(stored()).isZero();

    // A file as a spreadsheet saves it (Windows-1252, a decimal comma): imported whole.
    byte[] file = ("team;maand;medewerkers;fte\r\n\"Team Noord\";01-" + year + ";48;44,6\r\nTeam Zuid;" + year
        + "-02;30;28,5\r\n").getBytes(java.nio.charset.Charset.forName("windows-1252"));
    mvc.perform(multipart("/inzicht/bezetting/import").file(new MockMultipartFile("file", "bezetting.csv",
                "text/csv", file)).with(as(management, Groups.MANAGEMENT)).with(csrf())
            .param("unit", unit).param("year", String.valueOf(year)).param("version", "0").param("csv", ""))
        .andExpect(status().is3xxRedirection());
    assertThat(stored()).isEqualTo(2);
  }

  @Test
  void aChangeBasedOnAStaleVersionIsA409ThatKeepsWhatWasTyped() throws Exception {
    mvc.perform(put("/api/insight/population?unit=" + unit).with(as(management, Groups.MANAGEMENT))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"version\": 0, \"rows\": [{\"team\": \"Team Noord\", \"month\": \"" + year
                + "-01\", \"headcount\": 48, \"fte\": 44.6}]}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.version").value(1))
        .andExpect(jsonPath("$.months").value(1));

    // A second person, still on version 0, on the page: told, with what they typed still there.
    MvcResult page = mvc.perform(post("/inzicht/bezetting").with(as(management, Groups.MANAGEMENT)).with(csrf())
            .param("unit", unit).param("year", String.valueOf(year)).param("version", "0")
            .param("team", "Team Noord").param("from", year + "-01").param("to", year + "-01")
            .param("headcount", "50").param("fte", "45"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"population-conflict\"")))
        .andReturn();
    assertThat(attribute(page, "typed").toString()).contains("headcount=50", "fte=45");
    assertThat(((nl.bluevitaal.insight.Population.Year) attribute(page, "population")).version()).isEqualTo(1);

    mvc.perform(put("/api/insight/population?unit=" + unit).with(as(management, Groups.MANAGEMENT))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"version\": 0, \"rows\": [{\"team\": \"Team Noord\", \"month\": \"" + year
                + "-01\", \"headcount\": 50, \"fte\": 45}]}"))
        .andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    assertThat(jdbc.sql("select headcount from insight_population where unit = :u").param("u", unit)
        .query(Integer.class).single()).isEqualTo(48);
  }

  @Test
  void theApiReadsAndImportsAndNamesEachBadField() throws Exception {
    mvc.perform(post("/api/insight/population/csv?unit=" + unit + "&version=0").with(as(management, Groups.MANAGEMENT))
            .contentType("text/csv").content("Team Noord," + year + "-01,48,44.6\nTeam Zuid," + year + "-01,30,30\n"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.months").value(2));
    mvc.perform(get("/api/insight/population?unit=" + unit + "&year=" + year).with(as(management,
            Groups.MANAGEMENT)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.version").value(1))
        .andExpect(jsonPath("$.rows[0].team").value("Team Noord"))
        .andExpect(jsonPath("$.rows[0].month").value(year + "-01"))
        .andExpect(jsonPath("$.rows[0].fte").value(44.6))
        .andExpect(jsonPath("$.rows[0].changedBy").value(management));

    mvc.perform(put("/api/insight/population?unit=" + unit).with(as(management, Groups.MANAGEMENT))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"version\": 1, \"rows\": [{\"team\": \"Team Noord\", \"month\": \"januari\", \"headcount\": 48,"
                + " \"fte\": 44.625}, {\"month\": \"" + year + "-02\", \"headcount\": -1, \"fte\": 1}]}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(content().string(containsString("rows[0].month")))
        .andExpect(content().string(containsString("rows[0].fte")))
        .andExpect(content().string(containsString("rows[1].team")))
        .andExpect(content().string(containsString("rows[1].headcount")));
    mvc.perform(post("/api/insight/population/csv?unit=" + unit + "&version=1").with(as(management, Groups.MANAGEMENT))
            .contentType("text/csv").content("Team Noord;" + year + "-03;48\n"))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("lines[1].line")));
    assertThat(stored()).isEqualTo(2);
  }

  @Test
  void thoseWhoReadTheUnitSeeItOnlyManagementChangesItAndEveryRefusalIsRecorded() throws Exception {
    String counsellor = fixtures.user("pcouns", Groups.COUNSELLOR);
    mvc.perform(get("/inzicht/bezetting?unit=" + unit).with(as(counsellor, Groups.COUNSELLOR)))
        .andExpect(status().isOk())
        .andExpect(content().string(not(containsString("id=\"population-enter\""))))
        .andExpect(content().string(not(containsString("id=\"population-import\""))));

    for (String group : List.of(Groups.COUNSELLOR, Groups.LINE_MANAGER, Groups.COMPANY_DOCTOR, Groups.EMPLOYEE,
        Groups.ADMINISTRATOR, Groups.PROCESS_OWNER)) {
      String user = fixtures.user("pref", group);
      mvc.perform(post("/inzicht/bezetting").with(as(user, group)).with(csrf()).param("unit", unit)
              .param("version", "0").param("team", "Team Noord").param("from", year + "-01")
              .param("to", year + "-01").param("headcount", "48").param("fte", "44"))
          .andExpect(status().isForbidden());
      mvc.perform(put("/api/insight/population?unit=" + unit).with(as(user, group))
              .contentType(MediaType.APPLICATION_JSON)
              .content("{\"version\": 0, \"rows\": [{\"team\": \"Team Noord\", \"month\": \"" + year
                  + "-01\", \"headcount\": 48, \"fte\": 44}]}"))
          .andExpect(status().isForbidden());
      // Refused before the input is looked at: invalid input gets the same 403.
      mvc.perform(put("/api/insight/population?unit=" + unit).with(as(user, group))
              .contentType(MediaType.APPLICATION_JSON).content("{\"version\": -1, \"rows\": []}"))
          .andExpect(status().isForbidden());
      mvc.perform(post("/inzicht/bezetting").with(as(user, group)).with(csrf()).param("unit", unit)
              .param("headcount", "veel"))
          .andExpect(status().isForbidden());
      assertThat(jdbc.sql("select count(*) from audit_event where actor_user_id = :u and action = 'REFUSED'")
          .param("u", user).query(Integer.class).single()).as(group).isGreaterThanOrEqualTo(4);
    }
    for (String group : List.of(Groups.EMPLOYEE, Groups.BUDDY, Groups.HOME_FRONT)) {
      String user = fixtures.user("pread", group);
      mvc.perform(get("/inzicht/bezetting?unit=" + unit).with(as(user, group))).andExpect(status().isForbidden());
      mvc.perform(get("/api/insight/population?unit=" + unit).with(as(user, group)))
          .andExpect(status().isForbidden());
    }
    assertThat(stored()).isZero();
  }

  private int stored() {
    return jdbc.sql("select count(*) from insight_population where unit = :u").param("u", unit)
        .query(Integer.class).single();
  }

  private int audited(String user, String action, String what) {
    return jdbc.sql("select count(*) from audit_event where actor_user_id = :u and action = :a and what like :w")
        .param("u", user).param("a", action).param("w", what).query(Integer.class).single();
  }
}

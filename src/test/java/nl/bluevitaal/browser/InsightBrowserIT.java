package nl.bluevitaal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.insight.InsightFigures;
import nl.bluevitaal.insight.ReadModelRows;
import nl.bluevitaal.insight.SmallCaseload;
import nl.bluevitaal.support.Api;
import nl.bluevitaal.support.Browser;
import nl.bluevitaal.support.BrowserTest;
import nl.bluevitaal.support.CaseFixtures.SickCase;
import nl.bluevitaal.support.CaseFixtures;
import nl.bluevitaal.support.DemoAppTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The insight pages in Chromium as management and the line manager see them, on the small fixed caseload in the case
 * file's unit: axe-core finds no WCAG 2.1 A/AA violation at 1280 and at 390 px, the page never scrolls sideways (a
 * table scrolls in its own box), every chart is drawn beside its table and a hidden number reads "&lt; 10" with its
 * explanation. The API and the CSV answer the running application as a client calls them.
 */
@DemoAppTest
@BrowserTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InsightBrowserIT {

  private static final String UNIT = "Eenheid Test";

  @Autowired
  CaseFixtures fixtures;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  InsightFigures figures;
  @Value("${local.server.port}")
  int port;

  Browser browser;
  SmallCaseload load;
  String management;
  String lineManager;
  String employee;

  record Page(String role, String user, String path) {
    @Override
    public String toString() {
      return role + " " + path;
    }
  }

  @BeforeAll
  void smallCaseload(Browser browser) {
    this.browser = browser;
    load = new SmallCaseload(new ReadModelRows(jdbc), UNIT, CaseFixtures.tag("Team ") + " ", figures.today());
    management = fixtures.user("ibm", Groups.MANAGEMENT);
    lineManager = fixtures.user("ibl", Groups.LINE_MANAGER);
    employee = fixtures.user("ibe", Groups.EMPLOYEE);
    fixtures.employee(SickCase.of(null, "Medewerker " + CaseFixtures.tag("ib")).team(load.a, lineManager));
  }

  String query() {
    return "?unit=" + URLEncoder.encode(UNIT, StandardCharsets.UTF_8) + "&year=" + load.year;
  }

  Stream<Arguments> pages() {
    List<Page> pages = new ArrayList<>();
    for (int width : List.of(1280, 390)) {
      pages.add(new Page("management@" + width, management, "/inzicht" + query()));
      pages.add(new Page("management@" + width, management, "/inzicht/definities"));
      pages.add(new Page("management@" + width, management, "/inzicht/tabel/throughput/flow-teams" + query()));
      pages.add(new Page("management@" + width, management, "/inzicht/bezetting" + query()));
      pages.add(new Page("management@" + width, management, "/"));
      pages.add(new Page("line manager@" + width, lineManager, "/inzicht/team?year=" + load.year));
      pages.add(new Page("line manager@" + width, lineManager, "/"));
    }
    return pages.stream().map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}: no WCAG 2.1 A/AA violation, no sideways scrolling")
  @MethodSource("pages")
  void everyInsightPageIsAccessibleAtBothWidths(Page page) {
    int width = page.role().endsWith("390") ? 390 : 1280;
    browser.reset(width, 900);
    browser.login(page.user(), CaseFixtures.PASSWORD);
    browser.open(page.path());
    waitForCharts();

    assertThat(browser.wcagViolations()).as("WCAG violations on %s", page).isEmpty();
    assertThat(browser.scrollsSideways()).as("%s scrolls sideways", page).isFalse();
  }

  @Test
  void everyChartIsDrawnBesideItsTableAndAHiddenNumberIsExplained() {
    browser.reset(1280, 900);
    browser.login(management, CaseFixtures.PASSWORD);
    browser.open("/inzicht" + query() + "&team=" + URLEncoder.encode(load.b, StandardCharsets.UTF_8));
    waitForCharts();

    // Every figure has its chart drawn, or says that all it would draw is hidden.
    Object drawn = ((JavascriptExecutor) browser.driver()).executeScript(
        "return Array.from(document.querySelectorAll('canvas[data-chart]')).filter(c => window.Chart.getChart(c))"
            + ".length + document.querySelectorAll('[data-no-chart]').length;");
    assertThat(((Number) drawn).intValue()).isEqualTo(8);
    assertThat(browser.find(By.id("hidden-note")).getText()).contains("< 10");
    assertThat(browser.find(By.cssSelector("[data-figure=throughput] td[data-hidden=SMALL_GROUP]")).getText())
        .contains("< 10");
    assertThat(browser.text()).doesNotContain(load.teamB.get(0).toString());
  }

  /**
   * The unit's page shows the unit's rows; a team table's rows open in place from its link, by keyboard, and the
   * opened table takes the focus the link had.
   */
  @Test
  void theTeamRowsOfAUnitsTableOpenInPlaceAndTakeTheFocus() {
    browser.reset(390, 844);
    browser.login(management, CaseFixtures.PASSWORD);
    browser.open("/inzicht" + query());
    waitForCharts();
    By flows = By.cssSelector("[data-figure=throughput] [data-table=flow-teams]");
    assertThat(browser.find(flows).getText()).doesNotContain(load.b);
    WebElement link = browser.find(By.cssSelector("[data-teams='throughput/flow-teams']"));
    assertThat(link.getText()).startsWith("Toon alle ").contains(" teams: Instroom en uitstroom per team in ");
    ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].focus();", link);
    link.sendKeys(Keys.ENTER);

    // Read in the page, not through an element: the swap replaces the table while the wait looks.
    new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> String.valueOf(((JavascriptExecutor) d)
        .executeScript("var t = document.querySelector(arguments[0]); return t ? t.textContent : '';",
            "[data-figure=throughput] [data-table=flow-teams]")).contains(load.b));
    assertThat(browser.find(flows).getText()).contains(load.b + " < 10");
    assertThat(browser.driver().findElements(By.cssSelector("[data-teams='throughput/flow-teams']"))).isEmpty();
    Object focused = ((JavascriptExecutor) browser.driver()).executeScript(
        "return document.activeElement.querySelector('[data-table=flow-teams]') !== null;");
    assertThat(focused).isEqualTo(Boolean.TRUE);
    assertThat(browser.wcagViolations()).as("WCAG violations with a team table opened").isEmpty();
    assertThat(browser.scrollsSideways()).isFalse();
  }

  /**
   * Management enters a team's population on its page: a wrong FTE is refused beside the field with the typed values
   * kept, the corrected one is stored, the table shows it, and the absence figure reads it.
   */
  @Test
  void managementEntersThePopulationAndTheAbsenceFigureUsesIt() {
    browser.reset(390, 844);
    browser.login(management, CaseFixtures.PASSWORD);
    browser.open("/inzicht/bezetting" + query());
    browser.find(By.id("pop-team")).sendKeys(load.c);
    browser.find(By.id("pop-headcount")).sendKeys("40");
    browser.find(By.id("pop-fte")).sendKeys("41");
    // Sent as Enter in the field would send it: the team's list of suggestions may lie over the button on a phone.
    browser.find(By.id("pop-fte")).submit();

    assertThat(browser.find(By.id("pop-fte-fout")).getText())
        .isEqualTo("Het aantal fte kan niet meer zijn dan het aantal medewerkers.");
    assertThat(browser.find(By.id("pop-headcount")).getDomProperty("value")).isEqualTo("40");
    assertThat(browser.wcagViolations()).as("WCAG violations with a refused field").isEmpty();
    browser.find(By.id("pop-fte")).clear();
    browser.find(By.id("pop-fte")).sendKeys("36,5");
    // Sent as Enter in the field would send it: the team's list of suggestions may lie over the button on a phone.
    browser.find(By.id("pop-fte")).submit();

    assertThat(browser.find(By.id("population-saved")).getText()).contains(load.c).contains("opgeslagen");
    assertThat(browser.find(By.cssSelector("[data-table=population]")).getText()).contains("40 / 36,5");
    browser.open("/inzicht" + query() + "&team=" + URLEncoder.encode(load.c, StandardCharsets.UTF_8));
    assertThat(browser.find(By.cssSelector("[data-figure=absence] [data-table=population]")).getText())
        .contains("40").contains("36,5");
  }

  @Test
  void theApiAndTheCsvAnswerAClientAndNeverTheHiddenValue() throws Exception {
    Api api = new Api(port);
    HttpResponse<String> json = api.get(management, "/api/insight/throughput" + query() + "&team="
        + URLEncoder.encode(load.b, StandardCharsets.UTF_8));
    assertThat(json.statusCode()).isEqualTo(200);
    assertThat(json.body()).contains("{\"value\":null,\"hidden\":\"SMALL_GROUP\"}").doesNotContain("\"value\":3");

    HttpResponse<String> bad = api.get(management, "/api/insight/throughput?year=19");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
        assertThat(type).startsWith("application/problem+json"));
    assertThat(bad.body()).contains("\"field\":\"year\"");
    assertThat(api.get(employee, "/api/insight/throughput" + query()).statusCode()).isEqualTo(403);

    HttpResponse<String> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/api/insight/throughput/csv" + query() + "&table=flow-teams"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (management + ":" + CaseFixtures.PASSWORD).getBytes(StandardCharsets.UTF_8)))
        .GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
    assertThat(csv.body()).contains("Team;Instroom;Uitstroom").contains(load.b + ";< 10;");
  }

  private void waitForCharts() {
    new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> "complete".equals(
        ((JavascriptExecutor) d).executeScript("return document.readyState")));
    new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(
        ((JavascriptExecutor) d).executeScript("var c = document.querySelector('canvas[data-chart]');"
            + " return !c || (!!window.Chart && !!window.Chart.getChart(c));")));
  }
}

package nl.bluevitaal.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import nl.bluevitaal.journey.ReintegrationJourneyProcess;
import nl.bluevitaal.support.Browser;
import nl.bluevitaal.support.BrowserTest;
import nl.bluevitaal.support.DemoAppTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The heatmap, the counsellor's own insight and the lead's balance in Chromium, signed in as the demo's process owner,
 * manager, counsellor and counsellors' lead: no WCAG 2.1 A/AA violation at 1280 and 390 px, no sideways scrolling on
 * a phone; the heatmap draws the journey with the vendored viewer (the bpmn.io watermark visible) and lays the figures
 * over its steps, and on a phone the table comes before the diagram. A few read-model rows of their own (removed
 * after) give the pages figures whatever the demo's read model holds.
 */
@DemoAppTest
@BrowserTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InsightPagesBrowserIT {

  @Autowired
  JdbcTemplate jdbc;

  Browser browser;
  final List<UUID> cases = new ArrayList<>();

  @BeforeAll
  void someFiguresOfTheirOwn(Browser browser) {
    this.browser = browser;
    WorkRows rows = new WorkRows(jdbc);
    LocalDate today = LocalDate.now();
    LocalDate inPeriod = today.withDayOfMonth(1).minusMonths(2).plusDays(9);
    String journey = ReintegrationJourneyProcess.PROCESS_KEY;
    for (int i = 0; i < 12; i++) {
      UUID id = rows.insert(WorkRows.Case.of(UUID.randomUUID(), "carla", today.minusDays(120),
          today.minusDays(50)));
      cases.add(id);
      rows.step(journey, "Task_Evaluation", id, today.minusDays(10), null, null, today.minusDays(2));
      rows.step(journey, "Task_DraftPlanOfAction", id, inPeriod.minusDays(i + 3), inPeriod, true,
          inPeriod.minusDays(i % 3));
    }
    for (int i = 0; i < 3; i++) {
      UUID id = UUID.randomUUID();
      cases.add(id);
      rows.step(journey, "Task_Intake", id, today.minusDays(3), null, null, today.plusDays(4));
    }
  }

  @AfterAll
  void removeThem() {
    for (UUID id : cases) {
      jdbc.update("delete from insight_step where case_id = ?", id);
      jdbc.update("delete from insight_case where case_id = ?", id);
    }
    // As the writer does after its transaction: what the pages kept with these rows is computed again.
    jdbc.update("update insight_version set version = version + 1 where id = 1");
    jdbc.update("update insight_unit_version set version = version + 1");
  }

  Stream<Arguments> pages() {
    return Stream.of(
        Arguments.of("gerda", "/inzicht/model"),
        Arguments.of("frank", "/inzicht/model?proces=MilestoneWatch"),
        Arguments.of("carla", "/inzicht/mijn"),
        Arguments.of("karin", "/inzicht/begeleiders"),
        Arguments.of("karin", "/inzicht/mijn?begeleider=carla"));
  }

  @ParameterizedTest(name = "{1} as {0} has no WCAG 2.1 A/AA violation at 1280 and 390 px")
  @MethodSource("pages")
  void theInsightPagesAreAccessibleOnADeskAndAPhone(String user, String path) {
    for (int width : new int[] {1280, 390}) {
      browser.reset(width, width == 390 ? 844 : 900).login(user, "demo");
      browser.open(path);
      if (path.startsWith("/inzicht/model")) {
        WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(30));
        WebElement mark = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".bjs-powered-by")));
        assertThat(mark.isDisplayed()).as("the bpmn.io watermark").isTrue();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("heat-tools")));
        assertThat(browser.driver().findElements(By.cssSelector(".bv-heat-overlay"))).isNotEmpty();
        assertThat(browser.driver().findElements(By.cssSelector("#heat-legend li"))).hasSizeGreaterThan(1);
        int table = browser.find(By.id("heat-table")).getLocation().getY();
        int diagram = browser.find(By.id("heat-diagram")).getLocation().getY();
        if (width == 390) {
          assertThat(table).as("on a phone the table comes first").isLessThan(diagram);
        } else {
          assertThat(diagram).as("on a desk the diagram comes first").isLessThan(table);
        }
      }
      assertThat(browser.path()).isEqualTo(path);
      assertThat(browser.wcagViolations()).as("WCAG 2.1 A/AA violations on %s at %d px", path, width).isEmpty();
      assertThat(browser.scrollsSideways()).as("%s scrolls sideways at %d px", path, width).isFalse();
    }
  }
}

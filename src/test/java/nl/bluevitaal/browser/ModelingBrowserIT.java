package nl.bluevitaal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import java.util.stream.Stream;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.modeling.Draft;
import nl.bluevitaal.modeling.ModelWorkbench;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.support.Browser;
import nl.bluevitaal.support.BrowserTest;
import nl.bluevitaal.support.CaseFixtures;
import nl.bluevitaal.support.DemoAppTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The workbench in Chromium: the models page, a model's diagram and the editors of a process and a decision draw
 * with the vendored bundles (the bpmn.io watermark visible), have no WCAG 2.1 A/AA violation at 1280 and 390 px and do
 * not scroll sideways on a phone; a task renamed in our properties panel is saved as the draft's next revision.
 */
@DemoAppTest
@BrowserTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModelingBrowserIT {

  @Autowired
  CaseFixtures fixtures;
  @Autowired
  ModelWorkbench workbench;
  @Autowired
  JdbcTemplate jdbc;

  Browser browser;
  String owner;
  UUID processDraft;
  UUID decisionDraft;

  @BeforeAll
  void aProcessOwnerWithTwoDrafts(Browser browser) {
    this.browser = browser;
    owner = fixtures.user("mpo", Groups.PROCESS_OWNER);
    Actor actor = CaseFixtures.actor(owner, Groups.PROCESS_OWNER);
    processDraft = workbench.newDraft(actor, "ReintegrationJourney",
        workbench.model(actor, "ReintegrationJourney").latest().version()).id();
    decisionDraft = workbench.newDraft(actor, "IntakeRouting",
        workbench.model(actor, "IntakeRouting").latest().version()).id();
    browser.login(owner, CaseFixtures.PASSWORD);
    new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> browser.path().equals("/"));
  }

  Stream<Arguments> pages() {
    return Stream.of(
        Arguments.of("models", "/modellen", null),
        Arguments.of("process model", "/modellen/ReintegrationJourney", ".bjs-powered-by"),
        Arguments.of("decision model", "/modellen/IntakeRouting", ".dmn-decision-table-container"),
        Arguments.of("process editor", "/modellen/concepten/" + processDraft, ".bjs-powered-by"),
        Arguments.of("decision editor", "/modellen/concepten/" + decisionDraft, ".dmn-decision-table-container"));
  }

  @ParameterizedTest(name = "{0} has no WCAG 2.1 A/AA violation at 1280 and 390 px")
  @MethodSource("pages")
  void theWorkbenchPagesAreAccessibleOnADeskAndAPhone(String name, String path, String drawn) {
    for (int width : new int[] {1280, 390}) {
      browser.driver().manage().window().setSize(new Dimension(width, width == 390 ? 844 : 900));
      browser.open(path);
      if (drawn != null) {
        WebElement shown = new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
            .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(drawn)));
        assertThat(shown.isDisplayed()).isTrue();
      }
      if (path.contains("ReintegrationJourney") || path.endsWith(processDraft.toString())) {
        // The licence of bpmn-js: its watermark stays visible.
        assertThat(browser.find(By.cssSelector(".bjs-powered-by")).isDisplayed()).isTrue();
      }
      assertThat(browser.wcagViolations()).as("WCAG 2.1 A/AA violations on %s at %d px", name, width).isEmpty();
      assertThat(browser.scrollsSideways()).as("%s scrolls sideways at %d px", name, width).isFalse();
    }
  }

  @Test
  void aTaskRenamedInThePropertiesPanelIsSavedAsTheNextRevision() {
    browser.driver().manage().window().setSize(new Dimension(1280, 900));
    browser.open("/modellen/concepten/" + processDraft);
    WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(30));
    WebElement task = wait.until(ExpectedConditions.elementToBeClickable(
        By.cssSelector("g.djs-element[data-element-id='Task_ReportRecoveryToUwv'] .djs-hit")));
    task.click();
    WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("prop-name")));
    int before = revision();
    name.clear();
    name.sendKeys("Hersteldmelding aan UWV doen", Keys.TAB);
    WebElement save = browser.find(By.id("save-draft"));
    // The diagram's own layers can lie over the button at the moment of the click; the button itself is what counts.
    ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});"
        + " arguments[0].click();", save);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("save-status"), "Opgeslagen"));

    assertThat(revision()).isEqualTo(before + 1);
    Draft draft = workbench.draft(CaseFixtures.actor(owner, Groups.PROCESS_OWNER), processDraft);
    assertThat(workbench.draftXml(CaseFixtures.actor(owner, Groups.PROCESS_OWNER), processDraft, draft.revision()))
        .contains("name=\"Hersteldmelding aan UWV doen\"").contains("camunda:historyTimeToLive=\"730\"");
  }

  private int revision() {
    return jdbc.queryForObject("select revision from model_draft where id = ?", Integer.class, processDraft);
  }
}

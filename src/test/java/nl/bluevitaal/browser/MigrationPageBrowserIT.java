package nl.bluevitaal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import nl.bluevitaal.journey.CaseMigrations;
import nl.bluevitaal.journey.MigrationTestModels.Deployed;
import nl.bluevitaal.journey.MigrationTestModels;
import nl.bluevitaal.journey.ReintegrationJourneyProcess;
import nl.bluevitaal.support.Browser;
import nl.bluevitaal.support.BrowserTest;
import nl.bluevitaal.support.DemoAppTest;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The demo process owner moves the demo caseload's journeys to a version with the intake renamed, through the page:
 * the plan, the dry run and the run's result page have no WCAG 2.1 A or AA violation at 1280 px, and the plan page
 * none at 390 px. Screenshots land in target/screenshots.
 */
@DemoAppTest
@BrowserTest
class MigrationPageBrowserIT {

  @Autowired
  RepositoryService repositoryService;
  @Autowired
  CaseMigrations migrations;

  MigrationTestModels models;

  @AfterEach
  void realModelsAreLatestAgain() {
    models.removeAll();
  }

  @Test
  void gerdaPlansDryRunsAndMovesTheCasesOnAccessiblePages(Browser browser) throws Exception {
    models = new MigrationTestModels(repositoryService, migrations);
    String key = ReintegrationJourneyProcess.PROCESS_KEY;
    int v1 = models.latest(key);
    Deployed v2 = models.deploy(key, MigrationTestModels.rename("Intakegesprek voeren", "Intakegesprek houden"));

    browser.reset(1280, 900).login("gerda", "demo");
    browser.open("/modellen/migratie?proces=" + key + "&van=" + v1 + "&naar=" + v2.version());
    assertThat(browser.text()).contains("De engine keurt deze koppeling goed.");
    assertThat(browser.wcagViolations()).isEmpty();
    screenshot(browser, "migration-plan");

    // The dry run goes on in the background on a page of its own, which follows it and shows the outcome at its end.
    press(browser, "Proefrun");
    waitFor(browser, "Er is niets verplaatst.");
    assertThat(browser.path()).startsWith("/modellen/migratie/uitvoeringen/");
    assertThat(browser.text()).contains("Proefrun van lopende zaken")
        .contains("Intakegesprek voeren (Task_Intake) gaat naar Intakegesprek houden (Task_Intake)");
    assertThat(browser.wcagViolations()).isEmpty();
    screenshot(browser, "migration-dry-run");
    String dryRunPage = browser.path();

    press(browser, "Zaken verplaatsen");
    waitFor(browser, "Terug naar versie " + v1);
    assertThat(browser.path()).startsWith("/modellen/migratie/uitvoeringen/");
    assertThat(browser.text()).contains("Terug naar versie " + v1);
    assertThat(browser.wcagViolations()).isEmpty();
    screenshot(browser, "migration-run");

    browser.reset(390, 844).login("gerda", "demo");
    browser.open("/modellen/migratie?proces=" + key + "&van=" + v2.version() + "&naar=" + v1);
    assertThat(browser.wcagViolations()).isEmpty();
    screenshot(browser, "migration-plan-390");
    browser.open(dryRunPage);
    assertThat(browser.text()).contains("Er is niets verplaatst.").contains("Koppeling aanpassen");
    assertThat(browser.scrollsSideways()).isFalse();
    assertThat(browser.wcagViolations()).isEmpty();
    screenshot(browser, "migration-dry-run-390");
  }

  /** Presses the button with this text, scrolled into view first (the plan is longer than the window). */
  private static void press(Browser browser, String text) {
    WebElement button = browser.find(By.xpath("//button[normalize-space()='" + text + "']"));
    // An instant scroll: the root scrolls smoothly, and a click during the scroll lands elsewhere.
    ((JavascriptExecutor) browser.driver()).executeScript(
        "arguments[0].scrollIntoView({block: 'center', inline: 'nearest', behavior: 'instant'});", button);
    button.click();
  }

  private static void waitFor(Browser browser, String text) {
    new WebDriverWait(browser.driver(), Duration.ofMinutes(2)).until(driver -> browser.text().contains(text));
  }

  private static void screenshot(Browser browser, String name) throws Exception {
    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    Files.write(dir.resolve(name + ".png"),
        ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
  }
}

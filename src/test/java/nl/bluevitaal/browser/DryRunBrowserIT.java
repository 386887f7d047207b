package nl.bluevitaal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.support.Browser;
import nl.bluevitaal.support.BrowserTest;
import nl.bluevitaal.support.CaseFixtures;
import nl.bluevitaal.support.DemoAppTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A process owner uploads a draft with a gateway that can no longer choose, and the page says which paths fail where;
 * axe finds no WCAG 2.1 A/AA violation on the form or on the result, at 1280 and at 390 px.
 */
@DemoAppTest
@BrowserTest
class DryRunBrowserIT {

  @Autowired CaseFixtures fixtures;

  @Test
  void theProcessOwnerSeesWhichPathsABrokenDraftStopsAndWhere(Browser browser) throws IOException {
    String owner = fixtures.user("pob", Groups.PROCESS_OWNER);
    Path draft = Files.createTempFile("ReintegrationJourney", ".bpmn");
    Files.writeString(draft, Files.readString(Path.of("processes/ReintegrationJourney.bpmn"))
        .replace(" default=\"Flow_UrgentDoctorContactNo\"", "")
        .replace("sourceRef=\"Gateway_UrgentDoctorContact\" targetRef=\"Gateway_UrgentDoctorContactJoin\" />",
            "sourceRef=\"Gateway_UrgentDoctorContact\" targetRef=\"Gateway_UrgentDoctorContactJoin\">"
            + "<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\">${false}</bpmn:conditionExpression>"
            + "</bpmn:sequenceFlow>")
        .replace("name=\"Intakegesprek voeren\"", "name=\"Kennismaking\""));
    browser.login(owner, CaseFixtures.PASSWORD);
    new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> browser.path().equals("/"));

    browser.open("/modellen/processen/ReintegrationJourney/proefrit");
    assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Proefrit: Re-integratietraject");
    assertThat(browser.wcagViolations()).as("the form at 1280 px").isEmpty();

    browser.find(By.id("veld-model")).sendKeys(draft.toString());
    browser.find(By.cssSelector("main form button[type=submit]")).click();
    new WebDriverWait(browser.driver(), Duration.ofSeconds(120))
        .until(d -> !d.findElements(By.id("dryrun")).isEmpty());

    assertThat(browser.find(By.id("changes")).getText()).contains("Hernoemd (1)", "Kennismaking",
        "heette „Intakegesprek voeren”");
    assertThat(browser.find(By.id("dryrun-summary")).getText()).contains("Niet elk pad");
    assertThat(browser.find(By.cssSelector("tr[data-path=recoveryBeforeWeekSix]")).getText())
        .contains("Loopt vast", "Spoedcontact bedrijfsarts?", "Gateway_UrgentDoctorContact");
    screenshot(browser, "dryrun-1280.png");
    ((JavascriptExecutor) browser.driver()).executeScript(
        "document.getElementById('dryrun').scrollIntoView({behavior: 'instant'});");
    screenshot(browser, "dryrun-paths-1280.png");
    assertThat(browser.wcagViolations()).as("the result at 1280 px").isEmpty();

    browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
    ((JavascriptExecutor) browser.driver()).executeScript(
        "document.getElementById('dryrun').scrollIntoView({behavior: 'instant'});");
    screenshot(browser, "dryrun-390.png");
    assertThat(browser.wcagViolations()).as("the result at 390 px").isEmpty();
    assertThat(browser.scrollsSideways()).as("the result scrolls sideways at 390 px").isFalse();
  }

  private static void screenshot(Browser browser, String name) throws IOException {
    Path target = Path.of("target", "screenshots");
    Files.createDirectories(target);
    byte[] png = ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES);
    Files.write(target.resolve(name), png);
  }
}

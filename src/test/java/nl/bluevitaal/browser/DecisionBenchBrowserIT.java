package nl.bluevitaal.browser;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A process owner tries a decision on its test bench in a real browser: the stored cases pass, a value that is not a
 * number comes back with its message beside the field and what was typed, a valid one shows the matched rule; then
 * checks the running journey's file against the model contract. axe finds no WCAG 2.1 A or AA violation in any of
 * these states.
 */
@DemoAppTest
@BrowserTest
class DecisionBenchBrowserIT {

  @Autowired
  CaseFixtures fixtures;

  @Test
  void aProcessOwnerTriesTheEscalationLadder(Browser browser) throws Exception {
    String owner = fixtures.user("pob", Groups.PROCESS_OWNER);
    browser.login(owner, CaseFixtures.PASSWORD);
    new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> browser.path().equals("/"));

    browser.open("/modellen/beslissingen/EscalationLadder/testbank");
    assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Testbank: Escalatieladder bij termijnen");
    assertThat(browser.find(By.cssSelector("[data-result]")).getText()).isEqualTo("Alle 18 testgevallen slagen.");
    assertThat(browser.wcagViolations()).as("the bench with its cases").isEmpty();
    screenshot(browser, "bench");

    new Select(browser.find(By.name("inputs[milestone]"))).selectByValue("PROBLEM_ANALYSIS");
    browser.find(By.name("inputs[escalationRung]")).sendKeys("twee");
    submit(browser);
    new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> !d.findElements(By.id("error-summary"))
        .isEmpty());
    assertThat(browser.find(By.id("veld-input-1-fout")).getText()).contains("Vul een getal in, zonder letters.");
    assertThat(browser.find(By.name("inputs[escalationRung]")).getAttribute("value")).isEqualTo("twee");
    assertThat(browser.wcagViolations()).as("the bench after a bad value").isEmpty();
    screenshot(browser, "bench-error");

    browser.find(By.name("inputs[escalationRung]")).clear();
    browser.find(By.name("inputs[escalationRung]")).sendKeys("3");
    submit(browser);
    new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> !d.findElements(By.id("evaluation"))
        .isEmpty());
    assertThat(browser.find(By.id("evaluation")).getText()).contains("Rule_DoctorThenLineManager", "LINE_MANAGER",
        "7");
    assertThat(browser.wcagViolations()).as("the bench with an outcome").isEmpty();
    screenshot(browser, "bench-outcome");

    browser.open("/modellen/controle");
    assertThat(browser.wcagViolations()).as("the model check").isEmpty();
    // Pasted as a person would paste it; typing 150 kB key by key would take minutes.
    ((JavascriptExecutor) browser.driver()).executeScript("document.getElementById('veld-xml').value = arguments[0]",
        Files.readString(Path.of("processes", "ReintegrationJourney.bpmn")));
    WebElement check = browser.find(By.cssSelector("#check-form button[type=submit]"));
    ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", check);
    check.click();
    new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> !d.findElements(
        By.cssSelector("[data-contract]")).isEmpty());
    assertThat(browser.find(By.cssSelector("[data-contract]")).getText())
        .isEqualTo("Het model voldoet aan alle regels.");
    assertThat(browser.wcagViolations()).as("the model check with its verdict").isEmpty();
    screenshot(browser, "contract-kept");
  }

  /** The button below the long table of cases: scrolled to first, as a person would. */
  private static void submit(Browser browser) {
    WebElement button = browser.find(By.cssSelector("#evaluate-form button[type=submit]"));
    ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", button);
    button.click();
  }

  /** Kept beside the build's reports, for a person to look at. */
  private static void screenshot(Browser browser, String name) throws Exception {
    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
  }
}

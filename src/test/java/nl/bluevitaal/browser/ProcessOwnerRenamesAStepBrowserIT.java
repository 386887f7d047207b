package nl.bluevitaal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.journey.CaseMigrations.MigrationRequest;
import nl.bluevitaal.journey.CaseMigrations.RunningInstance;
import nl.bluevitaal.journey.CaseMigrations;
import nl.bluevitaal.journey.JourneyModels;
import nl.bluevitaal.journey.ReintegrationJourneyProcess;
import nl.bluevitaal.support.Browser;
import nl.bluevitaal.support.BrowserTest;
import nl.bluevitaal.support.CaseFixtures.People;
import nl.bluevitaal.support.CaseFixtures;
import nl.bluevitaal.support.DemoAppTest;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The workbench end to end in Chromium, as its users do it: a process owner saves a draft of the journey with the
 * intake renamed (a file from Camunda Modeler, uploaded on the draft page) and proposes it; a second process owner
 * approves it and it deploys; the first moves the running cases on the migration page; the counsellor's task list
 * calls the step by its new name.
 */
@DemoAppTest
@BrowserTest
class ProcessOwnerRenamesAStepBrowserIT {

  private static final String KEY = ReintegrationJourneyProcess.PROCESS_KEY;
  private static final String OLD_NAME = "Intakegesprek voeren";
  private static final String NEW_NAME = "Kennismakingsgesprek voeren";

  @Autowired CaseFixtures fixtures;
  @Autowired JourneyModels models;
  @Autowired CaseMigrations migrations;
  @Autowired RepositoryService repository;

  private int before;
  private Integer deployed;

  @Test
  void aRenamedStepIsApprovedDeployedMovedAndShownByItsNewName(Browser browser) throws Exception {
    People people = fixtures.people("brename");
    String ilse = fixtures.user("ilse", Groups.PROCESS_OWNER);
    before = models.model(KEY).orElseThrow().latest().version();

    browser.login(people.processOwner(), CaseFixtures.PASSWORD).open("/modellen/" + KEY);
    click(browser, By.xpath("//button[starts-with(normalize-space(.), 'Concept maken van versie')]"));
    String draft = browser.path();
    assertThat(draft).startsWith("/modellen/concepten/");
    Path file = Files.createTempFile("ReintegrationJourney", ".bpmn");
    Files.writeString(file, Files.readString(Path.of("processes/ReintegrationJourney.bpmn"), StandardCharsets.UTF_8)
        .replace("name=\"" + OLD_NAME + "\"", "name=\"" + NEW_NAME + "\""));
    browser.find(By.id("veld-bestand")).sendKeys(file.toString());
    // The page script reads the chosen file into the form; the upload goes when it has.
    new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> !d.findElement(By.id("veld-xml"))
        .getDomProperty("value").isEmpty());
    click(browser, By.cssSelector("#upload-form button[type=submit]"));
    assertThat(browser.text()).contains("Revisie 2");
    browser.find(By.id("veld-wijziging")).sendKeys("De intake heet voortaan kennismakingsgesprek");
    click(browser, By.cssSelector("#proposal-form button[type=submit]"));

    signIn(browser, ilse).open(draft);
    click(browser, By.xpath("//button[normalize-space(.) = 'Goedkeuren en uitrollen']"));
    deployed = models.model(KEY).orElseThrow().latest().version();
    assertThat(deployed).isEqualTo(before + 1);

    signIn(browser, people.processOwner())
        .open("/modellen/migratie?proces=" + KEY + "&van=" + before + "&naar=" + deployed);
    click(browser, By.xpath("//button[normalize-space(.) = 'Zaken verplaatsen']"));
    assertThat(browser.path()).startsWith("/modellen/migratie/uitvoeringen/");

    signIn(browser, people.counsellor()).open("/taken");
    assertThat(browser.text()).contains(NEW_NAME).doesNotContain(OLD_NAME);
  }

  /** The demo app is shared: every case goes back to the release's version, and the test's version goes. */
  @AfterEach
  void theReleaseVersionIsLatestAgain() {
    if (deployed == null || deployed == before) {
      return;
    }
    List<String> instances = migrations.running(KEY, deployed).stream().map(RunningInstance::processInstanceId)
        .toList();
    assertThat(migrations.migrate(new MigrationRequest(KEY, deployed, before, Map.of()), instances))
        .allSatisfy(outcome -> assertThat(outcome.succeeded()).isTrue());
    repository.deleteDeployment(repository.createProcessDefinitionQuery().processDefinitionKey(KEY)
        .processDefinitionVersion(deployed).singleResult().getDeploymentId());
  }

  /** Another person at the same browser: the last one's session is gone (as after logging out). */
  private static Browser signIn(Browser browser, String user) {
    browser.driver().manage().deleteAllCookies();
    return browser.login(user, CaseFixtures.PASSWORD);
  }

  /** Scrolled to and clicked as a person would, then the page it leads to has loaded. */
  private static void click(Browser browser, By by) {
    WebElement element = browser.find(by);
    ((JavascriptExecutor) browser.driver()).executeScript(
        "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'}); arguments[0].click();", element);
    WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(60));
    wait.until(ExpectedConditions.stalenessOf(element));
    wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
  }
}

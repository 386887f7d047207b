package nl.bluevitaal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import nl.bluevitaal.support.Browser;
import nl.bluevitaal.support.BrowserTest;
import nl.bluevitaal.support.DemoAppTest;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Camunda's webapps in a real browser, each for its own roles: Tasklist shows a counsellor the steps of their own
 * cases, Cockpit shows the process owner the running journeys, Admin shows the administrator the accounts. None opens
 * on Camunda's setup page, and they are closed to the other roles.
 */
@DemoAppTest
@BrowserTest
class CamundaWebappsBrowserIT {

  @Autowired
  TaskService taskService;

  @BeforeEach
  void freshVisitor(Browser browser) {
    browser.reset(1280, 900);
  }

  @Test
  void tasklistShowsACounsellorTheStepsOfTheirOwnCases(Browser browser) {
    List<String> offered = taskService.createTaskQuery().taskCandidateUser("carla").taskUnassigned().list().stream()
        .map(Task::getName).distinct().toList();
    assertThat(offered).as("the demo caseload offers carla steps").isNotEmpty();

    browser.login("carla", "demo").open("/camunda/app/tasklist/default/");
    waitFor(browser, "Aan mij aangeboden");
    browser.find(By.partialLinkText("Aan mij aangeboden")).click();

    new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
        .until(d -> offered.stream().anyMatch(name -> browser.text().contains(name)));
    assertThat(browser.path()).doesNotContain("setup");
  }

  @Test
  void cockpitShowsTheProcessOwnerTheRunningJourneys(Browser browser) {
    browser.login("gerda", "demo").open("/camunda/app/cockpit/default/");

    waitFor(browser, "Running Process Instances");
    assertThat(browser.path()).doesNotContain("setup");
  }

  @Test
  void adminShowsTheAdministratorTheAccounts(Browser browser) {
    browser.login("demo", "demo").open("/camunda/app/admin/default/#/users");

    waitFor(browser, "carla");
    assertThat(browser.path()).doesNotContain("setup");
  }

  @Test
  void anEmployeeGetsNoCamundaWebapp(Browser browser) {
    browser.login("anna", "demo").open("/camunda/app/tasklist/default/");

    assertThat(browser.text()).contains("Geen toegang");
  }

  private static void waitFor(Browser browser, String text) {
    new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> browser.text().contains(text));
  }
}

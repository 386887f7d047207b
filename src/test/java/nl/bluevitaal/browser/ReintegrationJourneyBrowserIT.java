package nl.bluevitaal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.bluevitaal.casefile.CaseRegistry;
import nl.bluevitaal.casefile.Phase;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.support.Browser;
import nl.bluevitaal.support.BrowserTest;
import nl.bluevitaal.support.CaseFixtures.SickCase;
import nl.bluevitaal.support.CaseFixtures;
import nl.bluevitaal.support.DemoAppTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The poortwachter journey from intake to an agreed plan of action, every step taken in a real browser by the person
 * it is for: the counsellor, the company doctor, the employee and the line manager. Only the people and the case are
 * made through the services, so nothing depends on the demo data.
 */
@DemoAppTest
@BrowserTest
class ReintegrationJourneyBrowserIT {

  @Autowired
  CaseFixtures fixtures;
  @Autowired
  CaseRegistry registry;

  Browser browser;

  @BeforeEach
  void theClassBrowser(Browser browser) {
    this.browser = browser;
  }

  @Test
  void fromIntakeToAnAgreedPlanOfActionInTheBrowser() {
    String run = CaseFixtures.tag("rj");
    String counsellor = fixtures.user("rjc", Groups.COUNSELLOR);
    String doctor = fixtures.user("rjd", Groups.COMPANY_DOCTOR);
    String employee = fixtures.user("rje", Groups.EMPLOYEE);
    String lineManager = fixtures.user("rjl", Groups.LINE_MANAGER);
    String employeeName = "Emma Reis " + run;
    UUID caseId = fixtures.sickCase(SickCase.of(employee, employeeName).team("Team Reis " + run, lineManager)
        .counselledBy(counsellor, doctor).since(LocalDate.now().minusDays(10)));
    String limitation = "Kan nog geen nachtdiensten draaien " + run;
    String goal = "Terug in de eigen functie, 24 uur per week " + run;

    // The counsellor takes the intake; an empty form says what is missing and keeps the step open.
    as(counsellor);
    openStep("Task_Intake");
    submit();
    waitUntil(() -> !browser.driver().findElements(By.id("error-summary")).isEmpty());
    assertThat(browser.text()).contains("Controleer de volgende punten");
    click(By.id("veld-workConflict-nee"));
    browser.find(By.id("veld-expectedAbsenceWeeks")).sendKeys("2");
    submit();
    waitForPath("/taken");
    assertThat(browser.find(By.id("step-done")).getText()).contains(employeeName);
    assertThat(registry.get(caseId).phase()).isEqualTo(Phase.PROBLEM_ANALYSIS);

    // The company doctor writes the problem analysis, sends it to the employee to read, and completes the step.
    as(doctor);
    browser.open("/dossiers/" + caseId + "/documenten/nieuw?type=PROBLEM_ANALYSIS");
    type("veld-beperkingen", limitation);
    type("veld-mogelijkheden", "Kan 4 uur per dag administratief werk doen.");
    type("veld-advies", "Opbouw in uren, eerst zonder publiekscontact.");
    type("veld-verwachteDuur", "Ongeveer 3 maanden");
    type("veld-prognose", "Terugkeer in de eigen functie is haalbaar.");
    click(By.xpath("//main//form[contains(@action,'/documenten/nieuw')]//button[@type='submit']"));
    waitUntil(() -> !browser.driver().findElements(By.id("doc-notice")).isEmpty());
    String analysisPath = browser.path();
    assertThat(analysisPath).startsWith("/dossiers/" + caseId + "/documenten/");
    click(By.xpath("//form[input[@name='status' and @value='FOR_EMPLOYEE_REVIEW']]//button"));
    waitUntil(() -> browser.text().contains("Het document staat ter inzage bij de medewerker"));
    openStep("Task_ProblemAnalysis");
    submit();
    waitForPath("/taken");
    assertThat(browser.find(By.id("step-done")).getText()).contains(employeeName);

    // The employee reads it in Mijn traject, releases it to the employer and completes the review step.
    as(employee);
    browser.open("/mijn-traject");
    // What waits for the employee comes first, the document inline ("Te doen").
    assertThat(browser.find(By.id("te-doen")).getText()).contains("vrijgeeft");
    click(By.xpath("//form[contains(@action,'/vrijgeven')]//button[@type='submit']"));
    waitUntil(() -> !browser.driver().findElements(By.id("mine-notice")).isEmpty());
    assertThat(browser.find(By.id("mine-notice")).getText()).contains("vrijgegeven");
    openOwnStep("Beoordelen", "Task_ReviewProblemAnalysis");
    click(By.id("veld-correctionRequested-nee"));
    submitOwnStep();
    waitForPath("/mijn-traject");

    // The counsellor drafts the plan of action, releases it for signing and completes the step.
    as(counsellor);
    browser.open("/dossiers/" + caseId + "/documenten/nieuw?type=PLAN_OF_ACTION");
    type("veld-doel", goal);
    type("veld-activiteiten", "Twee ochtenden per week op kantoor, werkplekonderzoek.");
    type("veld-afspraken", "Elke twee weken een gesprek met de begeleider.");
    type("veld-evaluatiemomenten", "Na zes weken.");
    click(By.xpath("//main//form[contains(@action,'/documenten/nieuw')]//button[@type='submit']"));
    waitUntil(() -> !browser.driver().findElements(By.id("doc-notice")).isEmpty());
    click(By.xpath("//form[input[@name='status' and @value='RELEASED']]//button"));
    waitUntil(() -> browser.text().contains("Het document is vrijgegeven"));
    openStep("Task_DraftPlanOfAction");
    submit();
    waitForPath("/taken");
    assertThat(registry.get(caseId).phase()).isEqualTo(Phase.PLAN_OF_ACTION);

    // The employee sees the plan in Mijn traject, signs it and agrees in the step.
    as(employee);
    browser.open("/mijn-traject");
    assertThat(browser.find(By.id("te-doen")).getText()).contains("Plan van aanpak ondertekenen");
    // The plan itself is folded under "Lees: Plan van aanpak" in the item: opened, it shows the counsellor's text.
    ((JavascriptExecutor) browser.driver()).executeScript(
        "document.querySelectorAll('#te-doen details').forEach(d => d.open = true)");
    assertThat(browser.find(By.id("te-doen")).getText()).contains(goal);
    click(By.xpath("//form[contains(@action,'/ondertekenen')]//button[@type='submit']"));
    waitUntil(() -> !browser.driver().findElements(By.id("mine-notice")).isEmpty());
    assertThat(browser.find(By.id("mine-notice")).getText()).contains("ondertekend");
    openOwnStep("Akkoord", "Task_AgreePlanEmployee");
    click(By.id("veld-planAgreedByEmployee-ja"));
    submitOwnStep();
    waitForPath("/mijn-traject");

    // The line manager finds the case in the team, signs the plan and agrees in the step.
    as(lineManager);
    browser.open("/team");
    click(By.xpath("//main//a[contains(@href,'/team/" + caseId + "')]"));
    waitForPath("/team/" + caseId);
    assertThat(browser.text()).contains(goal).doesNotContain("Medische aantekening");
    // The case file itself is not for the line manager: /dossiers/{id} leads to the team page of the case.
    browser.open("/dossiers/" + caseId);
    waitForPath("/team/" + caseId);
    assertThat(browser.text()).contains(goal).doesNotContain("Medische aantekening").doesNotContain("Contactmoment");
    click(By.xpath("//main//form[contains(@action,'/ondertekenen')]//button[@type='submit']"));
    waitUntil(() -> !browser.driver().findElements(By.id("team-notice")).isEmpty());
    click(By.xpath("//main//a[contains(@href,'/taken/" + caseId + "/')]"));
    waitUntil(() -> !browser.driver().findElements(By.id("veld-planAgreedByLineManager-ja")).isEmpty());
    click(By.id("veld-planAgreedByLineManager-ja"));
    submit();
    waitForPath("/taken");

    // The journey moved on to spoor 1, and the case page says so.
    assertThat(registry.get(caseId).phase()).isEqualTo(Phase.SPOOR_1);
    as(counsellor);
    browser.open("/dossiers/" + caseId);
    assertThat(browser.find(By.id("main")).getText()).contains("Spoor 1");
  }

  // --- helpers ---------------------------------------------------------------------------------------------------

  private void as(String user) {
    browser.reset(1280, 900);
    browser.login(user, CaseFixtures.PASSWORD);
    waitForPath("/");
  }

  /** Opens a step from /taken by its step key (the row's data-step). */
  private void openStep(String stepKey) {
    browser.open("/taken");
    click(By.cssSelector("tr[data-step='" + stepKey + "'] a"));
    waitUntil(() -> browser.path().startsWith("/taken/"));
  }

  /** The employee's step, as Mijn traject links to it. */
  private void openOwnStep(String what, String stepKey) {
    browser.open("/mijn-traject");
    String link = "#te-doen li[data-todo='" + stepKey + "'] a[href*='/mijn-traject/stap/']";
    List<WebElement> links = browser.driver().findElements(By.cssSelector(link));
    assertThat(links).as(what + ": Mijn traject links to the open step " + stepKey).hasSize(1);
    click(By.cssSelector(link));
    waitUntil(() -> browser.path().startsWith("/mijn-traject/stap/"));
  }

  private void type(String id, String text) {
    WebElement field = browser.find(By.id(id));
    field.clear();
    field.sendKeys(text);
  }

  /**
   * A real click, as a person makes it. The root scrolls smoothly (utrecht-root, scroll-behavior: smooth), so
   * WebDriver's own scroll-into-view could compute the click point while the page is still moving and hit whatever
   * passes under it; the element is first centred with an instant scroll and clicked once it stands still.
   */
  private void click(By by) {
    WebElement element = browser.find(by);
    JavascriptExecutor js = (JavascriptExecutor) browser.driver();
    js.executeScript("arguments[0].scrollIntoView({block: 'center', inline: 'nearest', behavior: 'instant'});",
        element);
    Object[] last = {null};
    waitUntil(() -> {
      Object now = js.executeScript("const r = arguments[0].getBoundingClientRect(); return r.top >= 0"
          + " && r.bottom <= window.innerHeight ? Math.round(r.top) + ',' + Math.round(r.left) : null;", element);
      boolean settled = now != null && now.equals(last[0]);
      last[0] = now;
      return settled;
    });
    element.click();
  }

  /** The employee's step form on its own page (the document's own forms stand above it). */
  private void submitOwnStep() {
    click(By.cssSelector("main form[action*='/mijn-traject/stap/'] button[type=submit]"));
  }

  private void submit() {
    click(By.cssSelector("main form.utrecht-form button[type=submit]"));
  }

  private void waitForPath(String path) {
    waitUntil(() -> {
      String p = browser.path();
      return p.equals(path) || p.startsWith(path + "?") || p.startsWith(path + "#");
    });
  }

  private void waitUntil(java.util.function.BooleanSupplier condition) {
    // The page may be replaced while it is read: a stale element means "not yet", not failure.
    new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(d -> condition.getAsBoolean());
  }
}

package nl.bluevitaal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import nl.bluevitaal.casefile.CaseDocument;
import nl.bluevitaal.casefile.CaseDocuments;
import nl.bluevitaal.casefile.DocumentChanges;
import nl.bluevitaal.casefile.DocumentStatus;
import nl.bluevitaal.casefile.DocumentType;
import nl.bluevitaal.casefile.FunctionalAdvice;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.journey.JourneyTasks;
import nl.bluevitaal.journey.OpenStep;
import nl.bluevitaal.privacy.Actor;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * axe-core finds no WCAG 2.1 A or AA violation on any main page, for every role, in the states that matter (a form
 * after a validation error, a document under review, a plan to sign); and the employee's pages work on a 390 px
 * phone without sideways scrolling. Three fresh cases: one at the intake, one whose problem analysis waits for the
 * employee's review, one whose plan of action waits for both signatures.
 */
@DemoAppTest
@BrowserTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MainPagesAccessibilityBrowserIT {

  /** What to do on a page before axe looks at it. */
  enum Action { NONE, SUBMIT_EMPTY }

  record Page(String role, String user, String name, String path, Action action) {
    @Override
    public String toString() {
      return role + ": " + name;
    }
  }

  @Autowired
  CaseFixtures fixtures;
  @Autowired
  JourneyTasks tasks;
  @Autowired
  CaseDocuments documents;
  @Autowired
  DocumentChanges changes;

  Browser browser;
  String loggedIn;

  String counsellor;
  String doctor;
  String employeeReview;
  String employeeSign;
  String lineManager;
  UUID intakeCase;
  UUID reviewCase;
  UUID signCase;
  UUID analysisDoc;
  UUID planDoc;

  @BeforeAll
  void threeCasesInTheirStates(Browser browser) {
    this.browser = browser;
    String run = CaseFixtures.tag("ax");
    counsellor = fixtures.user("axc", Groups.COUNSELLOR);
    doctor = fixtures.user("axd", Groups.COMPANY_DOCTOR);
    employeeReview = fixtures.user("axr", Groups.EMPLOYEE);
    employeeSign = fixtures.user("axs", Groups.EMPLOYEE);
    String employeeIntake = fixtures.user("axi", Groups.EMPLOYEE);
    lineManager = fixtures.user("axl", Groups.LINE_MANAGER);
    Actor doctorActor = CaseFixtures.actor(doctor, Groups.COMPANY_DOCTOR);
    Actor counsellorActor = CaseFixtures.actor(counsellor, Groups.COUNSELLOR);

    intakeCase = sick(employeeIntake, "Ina Intake " + run);
    reviewCase = sick(employeeReview, "Rik Review " + run);
    signCase = sick(employeeSign, "Sara Teken " + run);

    // reviewCase: the problem analysis waits for the employee.
    complete(reviewCase, "Task_Intake", Map.of("workConflict", false, "expectedAbsenceWeeks", 2));
    analysisDoc = analysis(doctorActor, reviewCase);
    complete(reviewCase, "Task_ProblemAnalysis", Map.of());

    // signCase: the plan of action waits for the employee's and the line manager's signatures and steps.
    complete(signCase, "Task_Intake", Map.of("workConflict", false, "expectedAbsenceWeeks", 2));
    UUID released = analysis(doctorActor, signCase);
    Actor employeeActor = CaseFixtures.actor(employeeSign, Groups.EMPLOYEE);
    CaseDocument underReview = documents.get(employeeActor, signCase, released);
    changes.changeStatus(employeeActor, signCase, released, underReview.version(), DocumentStatus.RELEASED);
    complete(signCase, "Task_ProblemAnalysis", Map.of());
    complete(signCase, "Task_ReviewProblemAnalysis", Map.of("correctionRequested", false));
    CaseDocument plan = changes.create(counsellorActor, signCase, DocumentType.PLAN_OF_ACTION, "Plan van aanpak",
        "## doel\nTerug in de eigen functie.\n\n## activiteiten\nOpbouw in uren.\n\n## afspraken\nElke twee weken.\n\n"
            + "## evaluatiemomenten\nNa zes weken.", null);
    planDoc = plan.id();
    changes.changeStatus(counsellorActor, signCase, planDoc, plan.version(), DocumentStatus.RELEASED);
    complete(signCase, "Task_DraftPlanOfAction", Map.of());
  }

  Stream<Arguments> mainPages() {
    List<Page> pages = new ArrayList<>();
    pages.add(new Page("anonymous", null, "login", "/login", Action.NONE));
    pages.add(new Page("anonymous", null, "login after a failed attempt", "/login?error", Action.NONE));

    String c = counsellor;
    pages.add(new Page("counsellor", c, "home", "/", Action.NONE));
    pages.add(new Page("counsellor", c, "caseload", "/begeleiding/caseload", Action.NONE));
    pages.add(new Page("counsellor", c, "tasklist", "/taken", Action.NONE));
    pages.add(new Page("counsellor", c, "intake step form", stepPath(intakeCase, "Task_Intake"), Action.NONE));
    pages.add(new Page("counsellor", c, "intake step form after a validation error",
        stepPath(intakeCase, "Task_Intake"), Action.SUBMIT_EMPTY));
    pages.add(new Page("counsellor", c, "case page at intake", "/dossiers/" + intakeCase, Action.NONE));
    pages.add(new Page("counsellor", c, "case page with documents", "/dossiers/" + signCase, Action.NONE));
    pages.add(new Page("counsellor", c, "new plan of action",
        "/dossiers/" + intakeCase + "/documenten/nieuw?type=PLAN_OF_ACTION", Action.NONE));
    pages.add(new Page("counsellor", c, "new plan of action after a validation error",
        "/dossiers/" + intakeCase + "/documenten/nieuw?type=PLAN_OF_ACTION", Action.SUBMIT_EMPTY));
    pages.add(new Page("counsellor", c, "released plan of action", docPath(signCase, planDoc), Action.NONE));
    pages.add(new Page("counsellor", c, "new contact moment", "/dossiers/" + intakeCase + "/contactmomenten/nieuw",
        Action.NONE));
    pages.add(new Page("counsellor", c, "new contact moment after a validation error",
        "/dossiers/" + intakeCase + "/contactmomenten/nieuw", Action.SUBMIT_EMPTY));
    pages.add(new Page("counsellor", c, "new goal", "/dossiers/" + intakeCase + "/doelen/nieuw", Action.NONE));

    String d = doctor;
    pages.add(new Page("company doctor", d, "home", "/", Action.NONE));
    pages.add(new Page("company doctor", d, "caseload", "/bedrijfsarts/caseload", Action.NONE));
    pages.add(new Page("company doctor", d, "tasklist", "/taken", Action.NONE));
    pages.add(new Page("company doctor", d, "case page", "/dossiers/" + reviewCase, Action.NONE));
    pages.add(new Page("company doctor", d, "new problem analysis",
        "/dossiers/" + intakeCase + "/documenten/nieuw?type=PROBLEM_ANALYSIS", Action.NONE));
    pages.add(new Page("company doctor", d, "new problem analysis after a validation error",
        "/dossiers/" + intakeCase + "/documenten/nieuw?type=PROBLEM_ANALYSIS", Action.SUBMIT_EMPTY));
    pages.add(new Page("company doctor", d, "problem analysis under review", docPath(reviewCase, analysisDoc),
        Action.NONE));
    pages.add(new Page("company doctor", d, "new medical note",
        "/dossiers/" + reviewCase + "/medische-aantekeningen/nieuw", Action.NONE));
    pages.add(new Page("company doctor", d, "new medical note after a validation error",
        "/dossiers/" + reviewCase + "/medische-aantekeningen/nieuw", Action.SUBMIT_EMPTY));

    for (String e : List.of(employeeReview, employeeSign)) {
      UUID own = e.equals(employeeReview) ? reviewCase : signCase;
      String state = e.equals(employeeReview) ? " (analysis to review)" : " (plan to sign)";
      String step = e.equals(employeeReview) ? "Task_ReviewProblemAnalysis" : "Task_AgreePlanEmployee";
      pages.add(new Page("employee", e, "home" + state, "/", Action.NONE));
      pages.add(new Page("employee", e, "Mijn traject" + state, "/mijn-traject", Action.NONE));
      pages.add(new Page("employee", e, "who looked" + state, "/mijn-traject/wie-keek", Action.NONE));
      pages.add(new Page("employee", e, "who looked with own visits" + state, "/mijn-traject/wie-keek?eigen=ja",
          Action.NONE));
      pages.add(new Page("employee", e, "step form" + state, stepPath(own, step), Action.NONE));
      pages.add(new Page("employee", e, "step form after a validation error" + state, stepPath(own, step),
          Action.SUBMIT_EMPTY));
    }

    String l = lineManager;
    pages.add(new Page("line manager", l, "home", "/", Action.NONE));
    pages.add(new Page("line manager", l, "team", "/team", Action.NONE));
    pages.add(new Page("line manager", l, "team case with a plan to sign", "/team/" + signCase, Action.NONE));
    pages.add(new Page("line manager", l, "team case under analysis", "/team/" + reviewCase, Action.NONE));
    pages.add(new Page("line manager", l, "agree step form", stepPath(signCase, "Task_AgreePlanLineManager"),
        Action.NONE));
    pages.add(new Page("line manager", l, "agree step form after a validation error",
        stepPath(signCase, "Task_AgreePlanLineManager"), Action.SUBMIT_EMPTY));
    return pages.stream().map(Arguments::of);
  }

  @ParameterizedTest(name = "{0} has no WCAG 2.1 A/AA violation")
  @MethodSource("mainPages")
  void everyMainPageIsAccessible(Page page) {
    show(page, 1280, 900);

    assertThat(browser.wcagViolations()).as("WCAG 2.1 A/AA violations on %s (%s)", page, browser.path()).isEmpty();
  }

  Stream<Arguments> employeePages() {
    return mainPages().map(a -> (Page) a.get()[0]).filter(p -> p.role().equals("employee")).map(Arguments::of);
  }

  @ParameterizedTest(name = "{0} works at 390 px without sideways scrolling")
  @MethodSource("employeePages")
  void theEmployeesPagesWorkOnAPhone(Page page) {
    show(page, 390, 844);

    assertThat(browser.scrollsSideways()).as("%s scrolls sideways at 390 px (%s): %s", page, browser.path(),
        widerThanTheViewport()).isFalse();
    assertThat(browser.wcagViolations()).as("WCAG 2.1 A/AA violations at 390 px on %s", page).isEmpty();
  }

  /** The pay section names today's period in words, not by colour alone, also on a phone. */
  @Test
  void mijnTrajectSaysInWordsWhichPayPeriodAppliesToday() {
    show(new Page("employee", employeeReview, "Mijn traject", "/mijn-traject", Action.NONE), 390, 844);
    // Pay is folded below what waits for the employee: open it as they would.
    ((JavascriptExecutor) browser.driver()).executeScript("document.getElementById('salaris').open = true");

    List<WebElement> periods = browser.driver().findElements(By.cssSelector("#pay-periods > li"));
    assertThat(periods).hasSize(2);
    WebElement now = browser.find(By.cssSelector("#pay-periods > li[aria-current='true']"));
    assertThat(now.getText()).contains("Hier ben je nu", "100% van je salaris");
    assertThat(periods.get(1).getText()).contains("70% van je salaris").doesNotContain("Hier ben je nu");
    assertThat(browser.scrollsSideways()).isFalse();
  }

  // --- helpers ---------------------------------------------------------------------------------------------------

  private void show(Page page, int width, int height) {
    if (page.user() == null) {
      browser.reset(width, height);
      loggedIn = null;
    } else if (!page.user().equals(loggedIn)) {
      browser.reset(width, height);
      browser.login(page.user(), CaseFixtures.PASSWORD);
      waitUntil(() -> browser.path().equals("/"));
      loggedIn = page.user();
    } else {
      browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
    }
    browser.open(page.path());
    assertThat(browser.find(By.tagName("h1")).getText()).as("the page %s opened (%s)", page, browser.path())
        .isNotBlank();
    if (page.action() == Action.SUBMIT_EMPTY) {
      browser.driver().findElements(By.cssSelector("main form.utrecht-form textarea, main form.utrecht-form input"
          + ":not([type=hidden]):not([type=radio]):not([type=checkbox])")).forEach(f -> {
            if (f.isDisplayed() && f.isEnabled()) {
              f.clear();
            }
          });
      // The employee's own step page holds the document's forms too: the step's form is the one to send empty.
      List<WebElement> stepForm = browser.driver()
          .findElements(By.cssSelector("#stap-afronden form button[type=submit]"));
      WebElement button = stepForm.isEmpty()
          ? browser.find(By.cssSelector("main form.utrecht-form button[type=submit]")) : stepForm.get(0);
      // Centred with an instant scroll (the root scrolls smoothly), then a real click once the page stands still.
      JavascriptExecutor js = (JavascriptExecutor) browser.driver();
      js.executeScript("arguments[0].scrollIntoView({block: 'center', inline: 'nearest', behavior: 'instant'});",
          button);
      Object[] last = {null};
      waitUntil(() -> {
        Object now = js.executeScript("const r = arguments[0].getBoundingClientRect(); return r.top >= 0"
            + " && r.bottom <= window.innerHeight ? Math.round(r.top) + ',' + Math.round(r.left) : null;", button);
        boolean settled = now != null && now.equals(last[0]);
        last[0] = now;
        return settled;
      });
      button.click();
      waitUntil(() -> !browser.driver().findElements(By.cssSelector("[role=alert]")).isEmpty());
    }
  }

  /** For the failure message: the elements that stick out to the right. */
  private Object widerThanTheViewport() {
    return ((JavascriptExecutor) browser.driver()).executeScript("""
        const w = document.documentElement.clientWidth; const out = [];
        document.querySelectorAll('body *').forEach(e => { const r = e.getBoundingClientRect();
          if (r.right > w + 1 && out.length < 5) out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
            + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : '')
            + ' right=' + Math.round(r.right)); });
        return out.join(', ');""");
  }

  private String stepPath(UUID caseId, String stepKey) {
    return "/taken/" + caseId + "/" + step(caseId, stepKey).taskId();
  }

  private static String docPath(UUID caseId, UUID documentId) {
    return "/dossiers/" + caseId + "/documenten/" + documentId;
  }

  private OpenStep step(UUID caseId, String stepKey) {
    return tasks.openSteps(caseId).stream().filter(s -> s.stepKey().equals(stepKey)).findFirst()
        .orElseThrow(() -> new AssertionError(stepKey + " is not open on " + caseId + ": " + tasks.openSteps(caseId)));
  }

  private void complete(UUID caseId, String stepKey, Map<String, Object> outcome) {
    tasks.complete(caseId, step(caseId, stepKey).taskId(), outcome);
  }

  /** A problem analysis by the doctor, sent to the employee for review. */
  private UUID analysis(Actor doctorActor, UUID caseId) {
    CaseDocument doc = changes.create(doctorActor, caseId, DocumentType.PROBLEM_ANALYSIS, "Probleemanalyse",
        "## prognose\nTerugkeer in de eigen functie is haalbaar.",
        new FunctionalAdvice("Geen nachtdiensten.", "Vier uur per dag administratief werk.",
            "Opbouw in uren.", null, "Ongeveer drie maanden"));
    changes.changeStatus(doctorActor, caseId, doc.id(), doc.version(), DocumentStatus.FOR_EMPLOYEE_REVIEW);
    return doc.id();
  }

  private UUID sick(String employee, String name) {
    return fixtures.sickCase(SickCase.of(employee, name).team("Team Axe", lineManager)
        .counselledBy(counsellor, doctor));
  }

  private void waitUntil(java.util.function.BooleanSupplier condition) {
    // The page may be replaced while it is read: a stale element means "not yet", not failure.
    new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(d -> condition.getAsBoolean());
  }
}

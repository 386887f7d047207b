package nl.bluevitaal.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import nl.bluevitaal.casefile.CaseDocument;
import nl.bluevitaal.casefile.CaseDocuments;
import nl.bluevitaal.casefile.DocumentChanges;
import nl.bluevitaal.casefile.CaseRegistry;
import nl.bluevitaal.casefile.DocumentStatus;
import nl.bluevitaal.casefile.DocumentType;
import nl.bluevitaal.casefile.Employee;
import nl.bluevitaal.casefile.FunctionalAdvice;
import nl.bluevitaal.casefile.NewEmployee;
import nl.bluevitaal.casefile.SickReport;
import nl.bluevitaal.identity.Accounts;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.journey.JourneyTasks;
import nl.bluevitaal.journey.OpenStep;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.support.Browser;
import nl.bluevitaal.support.DemoAppTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * axe-core finds no WCAG 2.1 A or AA violation on any main page, for every role, in the states that matter (a form
 * after a validation error, a document under review, a plan to sign); and the employee's pages work on a 390 px
 * phone without sideways scrolling. Three fresh cases: one at the intake, one whose problem analysis waits for the
 * employee's review, one whose plan of action waits for both signatures.
 */
@DemoAppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MainPagesAccessibilityBrowserIT {

  private static final String PASSWORD = "pw-axe-browser";

  /** What to do on a page before axe looks at it. */
  enum Action { NONE, SUBMIT_EMPTY }

  record Page(String role, String user, String name, String path, Action action) {
    @Override
    public String toString() {
      return role + ": " + name;
    }
  }

  @LocalServerPort
  int port;
  @Autowired
  Accounts accounts;
  @Autowired
  CaseRegistry registry;
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
  void threeCasesInTheirStates() {
    assumeTrue(Browser.isInstalled(), "Debian chromium and chromium-driver are needed (.ci/run installs them)");
    String run = UUID.randomUUID().toString().substring(0, 6);
    counsellor = user("axc" + run, Groups.COUNSELLOR);
    doctor = user("axd" + run, Groups.COMPANY_DOCTOR);
    employeeReview = user("axr" + run, Groups.EMPLOYEE);
    employeeSign = user("axs" + run, Groups.EMPLOYEE);
    String employeeIntake = user("axi" + run, Groups.EMPLOYEE);
    lineManager = user("axl" + run, Groups.LINE_MANAGER);
    Actor doctorActor = new Actor(doctor, Set.of(Groups.COMPANY_DOCTOR), false);
    Actor counsellorActor = new Actor(counsellor, Set.of(Groups.COUNSELLOR), false);

    intakeCase = sick(employeeIntake, "Ina Intake " + run, "AXI-" + run);
    reviewCase = sick(employeeReview, "Rik Review " + run, "AXR-" + run);
    signCase = sick(employeeSign, "Sara Teken " + run, "AXS-" + run);

    // reviewCase: the problem analysis waits for the employee.
    complete(reviewCase, "Task_Intake", Map.of("workConflict", false, "expectedAbsenceWeeks", 2));
    analysisDoc = analysis(doctorActor, reviewCase);
    complete(reviewCase, "Task_ProblemAnalysis", Map.of());

    // signCase: the plan of action waits for the employee's and the line manager's signatures and steps.
    complete(signCase, "Task_Intake", Map.of("workConflict", false, "expectedAbsenceWeeks", 2));
    UUID released = analysis(doctorActor, signCase);
    Actor employeeActor = new Actor(employeeSign, Set.of(Groups.EMPLOYEE), false);
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

    browser = new Browser(port, 1280, 900);
  }

  @AfterAll
  void stopChromium() {
    if (browser != null) {
      browser.close();
    }
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

  // --- helpers ---------------------------------------------------------------------------------------------------

  private void show(Page page, int width, int height) {
    if (page.user() == null) {
      browser.reset(width, height);
      loggedIn = null;
    } else if (!page.user().equals(loggedIn)) {
      browser.reset(width, height);
      browser.login(page.user(), PASSWORD);
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
      org.openqa.selenium.WebElement button = browser.find(By.cssSelector("main form.utrecht-form button[type=submit]"));
      // Centred with an instant scroll (the root scrolls smoothly), then a real click once the page stands still.
      org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) browser.driver();
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
    return ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("""
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

  private UUID sick(String employee, String name, String number) {
    Employee person = registry.registerEmployee(new NewEmployee(number, name, employee, "Eenheid Axe",
        "Team Axe", lineManager));
    return registry.reportSick(new SickReport(person.id(), LocalDate.now().minusDays(20), counsellor, doctor));
  }

  private String user(String id, String group) {
    accounts.ensureUser(id, "Axe", id, null, PASSWORD, List.of(group));
    return id;
  }

  private void waitUntil(java.util.function.BooleanSupplier condition) {
    // The page may be replaced while it is read: a stale element means "not yet", not failure.
    new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(d -> condition.getAsBoolean());
  }
}

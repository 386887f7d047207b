package nl.bluevitaal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import nl.bluevitaal.casefile.Goal;
import nl.bluevitaal.casefile.Goals;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.Audience;
import nl.bluevitaal.privacy.Domain;
import nl.bluevitaal.privacy.SharingChange;
import nl.bluevitaal.privacy.SharingSettings;
import nl.bluevitaal.selfservice.hometools.EnergyBalance;
import nl.bluevitaal.selfservice.hometools.HomeTools;
import nl.bluevitaal.selfservice.hometools.RelapsePlan;
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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The home tools in a real browser: axe-core finds no WCAG 2.1 A or AA violation on any of their pages (filled in,
 * and after a refused save), at 1280 px and on a 390 px phone, where nothing scrolls sideways; and an employee on a
 * phone proposes a goal that the counsellor then finds on the case page.
 */
@DemoAppTest
@BrowserTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HomeToolsBrowserIT {

  /** What to do on a page before axe looks at it: nothing, or type too much into one field and save. */
  record Action(String field) {
    static final Action NONE = new Action(null);

    static Action refusedSave(String field) {
      return new Action(field);
    }
  }

  record Page(String role, String user, String name, String path, Action action) {
    @Override
    public String toString() {
      return role + ": " + name;
    }
  }

  @Autowired
  CaseFixtures fixtures;
  @Autowired
  HomeTools tools;
  @Autowired
  Goals goals;
  @Autowired
  SharingSettings sharing;

  Browser browser;
  String loggedIn;
  String employee;
  String counsellor;
  String doctor;
  UUID caseId;
  UUID proposal;

  @BeforeAll
  void anEmployeeWhoUsesEveryTool(Browser browser) {
    this.browser = browser;
    String run = CaseFixtures.tag("htb");
    employee = fixtures.account("htbe-" + run, "Hanna", Groups.EMPLOYEE);
    counsellor = fixtures.account("htbc-" + run, "Carla", Groups.COUNSELLOR);
    doctor = fixtures.account("htbd-" + run, "Dirk", Groups.COMPANY_DOCTOR);
    String lineManager = fixtures.user("htbl", Groups.LINE_MANAGER);
    caseId = fixtures.sickCase(SickCase.of(employee, "Hanna Thuis " + run).team("Team Thuis", lineManager)
        .counselledBy(counsellor, doctor));
    Actor me = CaseFixtures.actor(employee, Groups.EMPLOYEE);
    tools.saveEnergyBalance(me, caseId, 0, List.of(new EnergyBalance.Item("Wandelen met de hond",
        EnergyBalance.Amount.A_LOT)), List.of(new EnergyBalance.Item("Slecht slapen", null)), null);
    tools.saveEnergyBalance(me, caseId, 1, List.of(new EnergyBalance.Item("Wandelen met de hond",
        EnergyBalance.Amount.A_LOT), new EnergyBalance.Item("Koffie met mijn zus", EnergyBalance.Amount.SOME)),
        List.of(new EnergyBalance.Item("Slecht slapen", EnergyBalance.Amount.SOME)), "Buiten zijn helpt.");
    tools.saveRelapsePlan(me, caseId, null, new RelapsePlan.Content("Ik slaap goed.", "Elke dag naar buiten.",
        "Ik word vroeg wakker.", "Ik ben stiller.", "Een dag niets plannen.", "Ik slaap bijna niet.",
        "Vandaag de huisarts bellen.", "Sirenes.", "Sanne (zus) 06 12 34 56 78", true, true));
    Goal goal = goals.propose(me, caseId, "Een ochtend per week naar het bureau", "Vier weken elke dinsdag", null);
    goals.comment(me, caseId, goal.id(), "Graag op dinsdag.");
    proposal = goal.id();
    sharing.update(me, caseId, sharing.get(me, caseId).version(),
        List.of(new SharingChange(Domain.SELF_REPORTS, Audience.CARE, true)));
  }

  Stream<Arguments> pages() {
    List<Page> pages = new ArrayList<>();
    String e = employee;
    pages.add(new Page("employee", e, "energy balance", "/mijn-traject/energiebalans", Action.NONE));
    pages.add(new Page("employee", e, "energy balance after a refused save", "/mijn-traject/energiebalans",
        Action.refusedSave("veld-geeft-1")));
    pages.add(new Page("employee", e, "relapse-prevention plan", "/mijn-traject/terugvalpreventie", Action.NONE));
    pages.add(new Page("employee", e, "relapse-prevention plan after a refused save",
        "/mijn-traject/terugvalpreventie", Action.refusedSave("veld-goed")));
    pages.add(new Page("employee", e, "relapse-prevention plan to print", "/mijn-traject/terugvalpreventie/afdrukken",
        Action.NONE));
    pages.add(new Page("employee", e, "goals", "/mijn-traject/doelen", Action.NONE));
    pages.add(new Page("employee", e, "goals after a refused proposal", "/mijn-traject/doelen",
        Action.refusedSave("veld-titel")));
    // The reminders the employee opts into sit beside the tools on Mijn traject.
    pages.add(new Page("employee", e, "reminders", "/mijn-traject/herinneringen", Action.NONE));
    pages.add(new Page("company doctor", doctor, "shared home tools", "/dossiers/" + caseId + "/thuisinstrumenten",
        Action.NONE));
    pages.add(new Page("counsellor", counsellor, "a proposed goal with comments",
        "/dossiers/" + caseId + "/doelen/" + proposal, Action.NONE));
    return pages.stream().map(Arguments::of);
  }

  @ParameterizedTest(name = "{0} has no WCAG 2.1 A/AA violation at 1280 px")
  @MethodSource("pages")
  void everyPageIsAccessible(Page page) {
    show(page, 1280, 900);

    assertThat(browser.wcagViolations()).as("WCAG 2.1 A/AA violations on %s (%s)", page, browser.path()).isEmpty();
  }

  @ParameterizedTest(name = "{0} works at 390 px")
  @MethodSource("pages")
  void everyPageWorksOnAPhone(Page page) {
    show(page, 390, 844);

    assertThat(browser.scrollsSideways()).as("%s scrolls sideways at 390 px", page).isFalse();
    assertThat(browser.wcagViolations()).as("WCAG 2.1 A/AA violations at 390 px on %s", page).isEmpty();
  }

  @Test
  void anEmployeeOnAPhoneProposesAGoalThatTheCounsellorFindsOnTheCasePage() {
    show(new Page("employee", employee, "goals", "/mijn-traject/doelen", Action.NONE), 390, 844);
    browser.find(By.id("veld-titel")).sendKeys("Elke dag een half uur lezen");
    browser.find(By.id("veld-succes")).sendKeys("Twee weken lang, zonder hoofdpijn");
    click(browser.find(By.cssSelector("#nieuw-doel button[type=submit]")));
    waitUntil(() -> !browser.driver().findElements(By.id("tools-notice")).isEmpty());
    assertThat(browser.find(By.id("tools-notice")).getText()).contains("Je voorstel is verstuurd");
    assertThat(browser.text()).contains("Elke dag een half uur lezen", "Voorgesteld. Je begeleider kijkt ernaar.");
    assertThat(browser.scrollsSideways()).isFalse();

    show(new Page("counsellor", counsellor, "case page", "/dossiers/" + caseId, Action.NONE), 1280, 900);
    assertThat(browser.find(By.id("goals-heading")).findElement(By.xpath("..")).getText())
        .contains("Elke dag een half uur lezen", "voorgesteld door de medewerker");
  }

  // --- helpers ---------------------------------------------------------------------------------------------------

  private void show(Page page, int width, int height) {
    if (!page.user().equals(loggedIn)) {
      browser.reset(width, height);
      browser.login(page.user(), CaseFixtures.PASSWORD);
      waitUntil(() -> browser.path().equals("/"));
      loggedIn = page.user();
    } else {
      browser.driver().manage().window().setSize(new Dimension(width, height));
    }
    browser.open(page.path());
    assertThat(browser.find(By.tagName("h1")).getText()).as("the page %s opened (%s)", page, browser.path())
        .isNotBlank();
    if (page.action().field() != null) {
      // A text too long for any field of these forms: the page refuses it beside the field.
      WebElement field = browser.find(By.id(page.action().field()));
      ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1];", field,
          "x".repeat(RelapsePlan.MAX_TEXT + 1));
      click(field.findElement(By.xpath("ancestor::form")).findElement(By.cssSelector("button[type=submit]")));
      waitUntil(() -> !browser.driver().findElements(By.id("error-summary")).isEmpty());
    }
  }

  private void click(WebElement button) {
    ((JavascriptExecutor) browser.driver()).executeScript(
        "arguments[0].scrollIntoView({block: 'center', inline: 'nearest', behavior: 'instant'});", button);
    button.click();
  }

  private void waitUntil(BooleanSupplier condition) {
    new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
        .ignoring(StaleElementReferenceException.class)
        .until(d -> condition.getAsBoolean());
  }
}

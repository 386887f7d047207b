package nl.bluevitaal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.Audience;
import nl.bluevitaal.privacy.Domain;
import nl.bluevitaal.privacy.SharingChange;
import nl.bluevitaal.privacy.SharingSettings;
import nl.bluevitaal.selfservice.checkin.CheckIns;
import nl.bluevitaal.selfservice.checkin.NewCheckIn;
import nl.bluevitaal.selfservice.homefront.HomeFront;
import nl.bluevitaal.selfservice.homefront.HomeFrontItem;
import nl.bluevitaal.selfservice.homefront.HomeFrontRelation;
import nl.bluevitaal.selfservice.homefront.NewInvitation;
import nl.bluevitaal.support.Browser;
import nl.bluevitaal.support.BrowserTest;
import nl.bluevitaal.support.CaseFixtures.SickCase;
import nl.bluevitaal.support.CaseFixtures;
import nl.bluevitaal.support.DemoAppTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The pages of issue 15's check-in and home-front parts in a real browser, at 1280 px and on a 390 px phone: the
 * company doctor's shared check-ins (chart beside the table, the case page's way there), the Dutch refusal without
 * sharing, the naaste's page with "check-in done this week", the page of a naaste whose access ended, and the pages
 * of an expired and a used invitation link. axe-core finds no WCAG 2.1 A or AA violation, nothing scrolls sideways.
 */
@DemoAppTest
@BrowserTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedCheckInsBrowserIT {

  private static final String NAASTE_PASSWORD = "lang-genoeg-1";

  /** {@code user} null: opened without signing in. {@code expect}: a text the page must show. */
  record Page(String name, String user, String password, String path, String expect) {
    @Override
    public String toString() {
      return name;
    }
  }

  @Autowired
  CaseFixtures fixtures;
  @Autowired
  CheckIns checkIns;
  @Autowired
  SharingSettings sharing;
  @Autowired
  HomeFront homeFront;
  @Autowired
  JdbcTemplate jdbc;

  Browser browser;
  List<Page> pages;

  @BeforeAll
  void anEmployeeWhoSharesTheirCheckInsAndOneWhoDoesNot(Browser browser) {
    this.browser = browser;
    String run = CaseFixtures.tag("scb");
    String employee = fixtures.account("scbe-" + run, "Sanne", Groups.EMPLOYEE);
    String doctor = fixtures.account("scbd-" + run, "Dirk", Groups.COMPANY_DOCTOR);
    String counsellor = fixtures.user("scbc", Groups.COUNSELLOR);
    String lineManager = fixtures.user("scbl", Groups.LINE_MANAGER);
    UUID caseId = fixtures.sickCase(SickCase.of(employee, "Sanne Check " + run).team("Team Check", lineManager)
        .counselledBy(counsellor, doctor));
    Actor me = CaseFixtures.actor(employee, Groups.EMPLOYEE);
    int[][] weeks = {{3, 3, 2, 3, 3}, {1, 1, 2, 1, 1}, {4, 3, 4, 4, 3}};
    for (int i = 0; i < weeks.length; i++) {
      UUID id = checkIns.submit(me, caseId, new NewCheckIn("WHO5", Stream.of(weeks[i][0], weeks[i][1], weeks[i][2],
          weeks[i][3], weeks[i][4]).toList(), i == 1 ? "Slecht geslapen, veel piekeren." : null, UUID.randomUUID(),
          OffsetDateTime.now())).checkIn().id();
      jdbc.update("update check_in set taken_at = taken_at - interval '" + 7 * (weeks.length - 1 - i)
          + "' day where id = ?", id);
    }
    sharing.update(me, caseId, sharing.get(me, caseId).version(),
        List.of(new SharingChange(Domain.SELF_REPORTS, Audience.CARE, true)));

    String unshared = fixtures.account("scbu-" + run, "Umar", Groups.EMPLOYEE);
    UUID unsharedCase = fixtures.sickCase(SickCase.of(unshared, "Umar Geen " + run).team("Team Check", lineManager)
        .counselledBy(counsellor, doctor));

    // A naaste who may see "check-in done this week", and one whose access was withdrawn.
    String naaste = naaste(me, caseId, "scbn", true);
    String ended = naaste(me, caseId, "scbx", false);
    NewInvitation expired = homeFront.invite(me, caseId, "Tom Verlopen", HomeFrontRelation.VRIEND, "tom@example.org");
    jdbc.update("update home_front_invitation set expires_at = invited_at - interval '1' hour where id = ?",
        expired.invitation().id());
    NewInvitation used = homeFront.invite(me, caseId, "Ula Gebruikt", HomeFrontRelation.OUDER, "ula@example.org");
    homeFront.accept(token(used), CaseFixtures.tag("scbg").toLowerCase(), NAASTE_PASSWORD);

    pages = List.of(
        new Page("the doctor's shared check-ins", doctor, CaseFixtures.PASSWORD, "/dossiers/" + caseId + "/check-ins",
            "Uitkomst per week"),
        new Page("the doctor's case page with the way to them", doctor, CaseFixtures.PASSWORD, "/dossiers/" + caseId,
            "Check-ins (gedeeld)"),
        new Page("the doctor refused without sharing", doctor, CaseFixtures.PASSWORD,
            "/dossiers/" + unsharedCase + "/check-ins", "Geen toegang"),
        new Page("the naaste's page with the check-in of this week", naaste, NAASTE_PASSWORD, "/thuisfront",
            "Sanne heeft deze week een check-in gedaan."),
        new Page("the naaste whose access ended", ended, NAASTE_PASSWORD, "/thuisfront", "Je toegang is gestopt"),
        new Page("an expired invitation link", null, null, "/uitnodiging/" + token(expired), "verlopen"),
        new Page("a used invitation link", null, null, "/uitnodiging/" + token(used), "al gebruikt"));
  }

  Stream<Arguments> pages() {
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

  // --- helpers ---------------------------------------------------------------------------------------------------

  private String naaste(Actor employee, UUID caseId, String prefix, boolean seesCheckIn) {
    NewInvitation made = homeFront.invite(employee, caseId, "Joost " + prefix, HomeFrontRelation.PARTNER,
        prefix + "@example.org");
    String login = CaseFixtures.tag(prefix).toLowerCase();
    homeFront.accept(token(made), login, NAASTE_PASSWORD);
    if (seesCheckIn) {
      int version = homeFront.invitations(employee, caseId).stream()
          .filter(i -> i.id().equals(made.invitation().id())).findFirst().orElseThrow().version();
      homeFront.choose(employee, caseId, made.invitation().id(), version,
          Set.of(HomeFrontItem.PHASE, HomeFrontItem.CHECK_IN_DONE));
    } else {
      homeFront.withdraw(employee, caseId, made.invitation().id());
    }
    return login;
  }

  private static String token(NewInvitation made) {
    return made.link().substring(made.link().lastIndexOf('/') + 1);
  }

  private void show(Page page, int width, int height) {
    browser.reset(width, height);
    if (page.user() != null) {
      browser.login(page.user(), page.password());
      waitUntil(() -> !browser.path().startsWith("/login"));
    }
    browser.open(page.path());
    assertThat(browser.find(By.tagName("h1")).getText()).as("the page %s opened (%s)", page, browser.path())
        .isNotBlank();
    assertThat(browser.text()).as(page.name()).contains(page.expect());
    if (page.path().endsWith("/check-ins")) {
      assertThat(browser.driver().findElements(By.id("checkin-chart")).isEmpty())
          .as("the chart is on the page exactly when the employee shares").isEqualTo(page.expect().equals(
              "Geen toegang"));
    }
  }

  private void waitUntil(BooleanSupplier condition) {
    new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
        .ignoring(StaleElementReferenceException.class)
        .until(d -> condition.getAsBoolean());
  }
}

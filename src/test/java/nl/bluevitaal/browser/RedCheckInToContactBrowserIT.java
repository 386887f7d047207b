package nl.bluevitaal.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import nl.bluevitaal.casefile.ContactMoment;
import nl.bluevitaal.casefile.ContactMoments;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.journey.CheckInTriage.Level;
import nl.bluevitaal.journey.ContactWishProcess;
import nl.bluevitaal.journey.ContactWishes;
import nl.bluevitaal.journey.ContactWishes.ContactWish;
import nl.bluevitaal.journey.ContactWishes.Reason;
import nl.bluevitaal.journey.ContactWishes.With;
import nl.bluevitaal.selfservice.checkin.CheckIn;
import nl.bluevitaal.selfservice.checkin.CheckInProperties;
import nl.bluevitaal.selfservice.checkin.CheckIns;
import nl.bluevitaal.support.Browser;
import nl.bluevitaal.support.BrowserTest;
import nl.bluevitaal.support.CaseFixtures;
import nl.bluevitaal.support.CaseFixtures.SickCase;
import nl.bluevitaal.support.DemoAppTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 15's scenario across its parts, on a 390 px phone: an employee's check-in triages red; the result says why,
 * what happens next, the care unit's numbers, 113 and the GP out of hours; from there the employee asks for contact
 * today with the person they choose (the company doctor the advice names, or their counsellor); that person finds the
 * badge on their start page and caseload and the step in their task list, records the call (the counsellor's is a
 * contact moment in the case file) and so closes it; the employee reads that it was handled. And a check-in filled in
 * offline arrives once the phone is back online, triaged red, with the same help on its result. Every page visited is
 * clean for axe (WCAG 2.1 A/AA) and never scrolls sideways at 390 px; the professional's pages also at 1280 px.
 */
@DemoAppTest
@BrowserTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedCheckInToContactBrowserIT {

  private static final int PHONE = 390;
  private static final int DESK = 1280;

  @Autowired
  CaseFixtures fixtures;
  @Autowired
  CheckIns checkIns;
  @Autowired
  CheckInProperties checkInProperties;
  @Autowired
  ContactWishes wishes;
  @Autowired
  ContactMoments contactMoments;
  @Autowired
  Clock clock;

  Browser browser;

  @BeforeAll
  void theClassBrowser(Browser browser) {
    this.browser = browser;
  }

  @ParameterizedTest(name = "with the {0}")
  @EnumSource(With.class)
  void aRedCheckInBecomesACallTodayThatTheChosenPersonRecordsAndTheEmployeeSeesHandled(With with) {
    String run = CaseFixtures.tag("rcc");
    String employee = fixtures.account("rcce-" + run, "Rosa", Groups.EMPLOYEE);
    String counsellor = fixtures.account("rccc-" + run, "Carla", Groups.COUNSELLOR);
    String doctor = fixtures.account("rccd-" + run, "Dirk", Groups.COMPANY_DOCTOR);
    String name = "Rosa Rood " + run;
    UUID caseId = fixtures.sickCase(SickCase.of(employee, name).counselledBy(counsellor, doctor)
        .since(LocalDate.now().minusDays(20)));
    boolean doctorChosen = with == With.DOCTOR;
    String professional = doctorChosen ? doctor : counsellor;
    String professionalName = doctorChosen ? "Dirk Test" : "Carla Test";
    String note = "Ik slaap al dagen niet " + run;

    // The employee checks in on the phone: every answer "never" triages red.
    onPhoneAs(employee);
    browser.open("/mijn-traject");
    cleanOnPhone("Mijn traject");
    click(By.cssSelector("a[data-tool='check-in']"));
    waitUntil(() -> browser.path().equals("/mijn-traject/check-in"));
    cleanOnPhone("the check-in form");
    answerEvery("0", 5);
    click(By.cssSelector("#checkin-form button[type=submit]"));
    waitUntil(() -> browser.path().matches("/mijn-traject/check-in/[0-9a-f-]{36}"));

    // The advice: why, what now, whom to call today.
    assertThat(browser.find(By.id("checkin-outcome")).getAttribute("data-level")).isEqualTo("RED");
    assertThat(browser.find(By.id("checkin-why")).getText()).isEqualTo("Je score is 0 van 100. Dat is erg laag.");
    assertThat(browser.find(By.id("checkin-advice-doctor")).getText())
        .startsWith("Neem vandaag nog contact op met de bedrijfsarts.");
    CheckInProperties.Help help = checkInProperties.help();
    assertThat(browser.find(By.id("checkin-help")).getText()).contains(help.careUnit(), help.careUnitPhone(),
        help.careUnitAfterHoursPhone(), "huisartsenpost", "113 Zelfmoordpreventie", "0800-0113", "112");
    assertThat(browser.find(By.cssSelector("#checkin-help a[href='tel:" + help.careUnitPhone().replace(" ", "")
        + "']")).isDisplayed()).isTrue();
    cleanOnPhone("the red result");
    assertThat(ownCheckIns(employee, caseId)).extracting(CheckIn::level).containsExactly(Level.RED);

    // From the advice to the contact form, filled in for today with the company doctor; the employee may choose.
    click(By.cssSelector("#checkin-contact-form button[type=submit]"));
    waitUntil(() -> browser.path().startsWith("/mijn-traject/contact"));
    assertThat(browser.find(By.id("veld-met-BEDRIJFSARTS")).isSelected()).isTrue();
    assertThat(browser.text()).contains("Dirk Test, je bedrijfsarts", "Carla Test, je begeleider",
        "Je wordt vandaag nog gebeld.", "113");
    cleanOnPhone("the contact form from the check-in");
    if (!doctorChosen) {
      click(By.cssSelector("label[for=veld-met-BEGELEIDER]"));
    }
    browser.find(By.id("veld-toelichting")).sendKeys(note);
    click(By.cssSelector("label[for=veld-delen]"));
    submit();
    waitUntil(() -> browser.text().contains("Je vraag is verstuurd."));
    assertThat(browser.text()).contains(professionalName + " belt je vandaag nog.",
        doctorChosen ? "Dat is je bedrijfsarts." : "Dat is je begeleider.");
    cleanOnPhone("the contact page with the open wish");
    ContactWish asked = wishes.mine(CaseFixtures.actor(employee, Groups.EMPLOYEE), caseId).get(0);
    assertThat(asked.with()).isEqualTo(with);
    assertThat(asked.reason()).isEqualTo(Reason.CHECK_IN);
    assertThat(asked.dueOn()).isEqualTo(LocalDate.now(clock));
    assertThat(asked.addresseeUserId()).isEqualTo(professional);

    // The chosen person: the badge on the start page and the caseload, the step in the task list.
    atDeskAs(professional);
    browser.open("/");
    assertThat(browser.find(By.cssSelector("[data-count='contact-wishes']")).getText())
        .isEqualTo("1 medewerker wil contact.");
    cleanAtBothWidths("the start page");
    browser.open(doctorChosen ? "/bedrijfsarts/caseload" : "/begeleiding/caseload");
    WebElement row = browser.find(By.xpath("//tbody[@id='caseload-rows']/tr[.//a[normalize-space()='" + name + "']]"));
    assertThat(row.findElement(By.cssSelector("[data-badge='contact-wishes']")).getText()).isEqualTo("wil contact");
    cleanAtBothWidths("the caseload");
    browser.open("/taken");
    cleanAtBothWidths("the task list");
    By contactStep = By.cssSelector("tr[data-step='" + ContactWishProcess.TASK_CONTACT_EMPLOYEE + "'] a[href*='/taken/"
        + caseId + "/']");
    click(contactStep);
    waitUntil(() -> browser.path().startsWith("/contactverzoeken/" + caseId + "/"));
    assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Contact opnemen met " + name);
    assertThat(browser.text()).contains("Na een check-in", note, name + " deelt alleen dit verzoek met je.");
    // The wish is domain E's own: the score and the answers stay with the employee, only the wish is shared.
    assertThat(browser.text()).doesNotContain("0 van 100");
    cleanAtBothWidths("the contact step");

    // The call, recorded: it closes the step and is a contact moment in the case file.
    String report = "Gebeld, morgen op het spreekuur " + run;
    browser.find(By.id("veld-verslag")).sendKeys(report);
    submit();
    waitUntil(() -> browser.path().equals("/taken"));
    assertThat(browser.text()).contains("Het contact is vastgelegd en het contactverzoek is afgerond.");
    assertThat(browser.driver().findElements(contactStep)).isEmpty();
    cleanAtBothWidths("the task list after the call");
    browser.open("/");
    assertThat(browser.driver().findElements(By.cssSelector("[data-count='contact-wishes']"))).isEmpty();
    browser.open(doctorChosen ? "/bedrijfsarts/caseload" : "/begeleiding/caseload");
    assertThat(browser.find(By.id("caseload-rows")).getText()).contains(name).doesNotContain("wil contact");
    ContactWish closed = wishes.mine(CaseFixtures.actor(employee, Groups.EMPLOYEE), caseId).get(0);
    assertThat(closed.isOpen()).isFalse();
    assertThat(closed.closedBy()).isEqualTo(professional);
    if (!doctorChosen) {
      // The counsellor keeps the file: the call is a contact moment there (the doctor's stays out of it, by design).
      browser.open("/dossiers/" + caseId);
      assertThat(browser.find(By.cssSelector(".bv-contact-list")).getText()).contains("Telefoon", report);
      cleanAtBothWidths("the case page with the contact moment");
      assertThat(contactMoments.list(CaseFixtures.actor(counsellor, Groups.COUNSELLOR), caseId))
          .extracting(ContactMoment::authorUserId, ContactMoment::kind, ContactMoment::summary)
          .containsExactly(tuple(counsellor, ContactMoment.Kind.PHONE, report));
    }

    // The employee sees it handled: nobody still has to call, and who did.
    onPhoneAs(employee);
    browser.open("/mijn-traject/contact");
    assertThat(browser.text()).contains(professionalName + " heeft contact met je gehad op")
        .doesNotContain("Wie belt je");
    cleanOnPhone("the contact page after the call");
  }

  @Test
  void aRedCheckInFilledInOfflineArrivesWhenBackOnlineTriagedWithItsAdvice() {
    String employee = fixtures.account("rcco-" + CaseFixtures.tag("rcco"), "Olaf", Groups.EMPLOYEE);
    String counsellor = fixtures.user("rccoc", Groups.COUNSELLOR);
    String doctor = fixtures.user("rccod", Groups.COMPANY_DOCTOR);
    UUID caseId = fixtures.sickCase(SickCase.of(employee, "Olaf Offline " + CaseFixtures.tag("rcco"))
        .counselledBy(counsellor, doctor));
    onPhoneAs(employee);
    browser.open("/mijn-traject/check-in");

    HasCdp cdp = (HasCdp) browser.driver();
    cdp.executeCdpCommand("Network.enable", Map.of());
    offline(cdp, true);
    try {
      waitUntil(() -> Boolean.FALSE.equals(js().executeScript("return navigator.onLine;")));
      answerEvery("0", 5);
      browser.find(By.id("veld-notitie")).sendKeys("In de trein ingevuld");
      click(By.cssSelector("#checkin-form button[type=submit]"));
      waitUntil(() -> browser.find(By.id("checkin-offline")).isDisplayed());
      assertThat(ownCheckIns(employee, caseId)).isEmpty();
      cleanOnPhone("the check-in kept offline");
    } finally {
      offline(cdp, false);
    }

    waitUntil(() -> browser.find(By.id("checkin-sent-later")).isDisplayed());
    assertThat(ownCheckIns(employee, caseId)).extracting(CheckIn::level, CheckIn::note)
        .containsExactly(tuple(Level.RED, "In de trein ingevuld"));
    cleanOnPhone("the check-in sent later");

    click(By.id("checkin-sent-link"));
    waitUntil(() -> browser.path().matches("/mijn-traject/check-in/[0-9a-f-]{36}"));
    assertThat(browser.path()).endsWith(ownCheckIns(employee, caseId).get(0).id().toString());
    assertThat(browser.find(By.id("checkin-outcome")).getAttribute("data-level")).isEqualTo("RED");
    assertThat(browser.find(By.id("checkin-help")).getText()).contains(checkInProperties.help().careUnitPhone(),
        "0800-0113", "huisartsenpost");
    cleanOnPhone("the result of the check-in sent later");
  }

  // --- helpers ---------------------------------------------------------------------------------------------------

  private List<CheckIn> ownCheckIns(String employee, UUID caseId) {
    return checkIns.history(CaseFixtures.actor(employee, Groups.EMPLOYEE), caseId);
  }

  private void onPhoneAs(String user) {
    browser.reset(PHONE, 844);
    browser.login(user, CaseFixtures.PASSWORD);
  }

  private void atDeskAs(String user) {
    browser.reset(DESK, 900);
    browser.login(user, CaseFixtures.PASSWORD);
  }

  private void cleanOnPhone(String page) {
    assertThat(browser.find(By.tagName("h1")).getText()).as(page).isNotBlank();
    assertThat(browser.scrollsSideways()).as("%s scrolls sideways at %d px", page, PHONE).isFalse();
    assertThat(browser.wcagViolations()).as("WCAG 2.1 A/AA violations on %s at %d px", page, PHONE).isEmpty();
  }

  /** The professional's page at the desk and on a phone; the window is left at the desk's width. */
  private void cleanAtBothWidths(String page) {
    for (int width : new int[] {PHONE, DESK}) {
      browser.driver().manage().window().setSize(new Dimension(width, width == PHONE ? 844 : 900));
      assertThat(browser.find(By.tagName("h1")).getText()).as(page).isNotBlank();
      assertThat(browser.scrollsSideways()).as("%s scrolls sideways at %d px", page, width).isFalse();
      assertThat(browser.wcagViolations()).as("WCAG 2.1 A/AA violations on %s at %d px", page, width).isEmpty();
    }
  }

  private void offline(HasCdp cdp, boolean offline) {
    cdp.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", offline, "latency", 0,
        "downloadThroughput", -1, "uploadThroughput", -1));
  }

  private void answerEvery(String value, int questions) {
    for (int q = 1; q <= questions; q++) {
      click(By.cssSelector("fieldset.bv-checkin__question:nth-of-type(" + q + ") input[type=radio][value='" + value
          + "']"));
    }
  }

  private void submit() {
    click(By.cssSelector("main form button[type=submit]"));
  }

  /**
   * A phone's viewport is short and the layout scrolls smoothly, so a native click can land mid-scroll on another
   * element: the element is brought into view and clicked as the page's own script would.
   */
  private void click(By by) {
    js().executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'}); arguments[0].click();",
        browser.find(by));
  }

  private JavascriptExecutor js() {
    return (JavascriptExecutor) browser.driver();
  }

  private void waitUntil(BooleanSupplier condition) {
    new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> {
      try {
        return condition.getAsBoolean();
      } catch (RuntimeException e) {
        return false;
      }
    });
  }
}

package nl.bluevitaal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.selfservice.checkin.CheckIn;
import nl.bluevitaal.selfservice.checkin.CheckIns;
import nl.bluevitaal.support.Browser;
import nl.bluevitaal.support.BrowserTest;
import nl.bluevitaal.support.CaseFixtures.SickCase;
import nl.bluevitaal.support.CaseFixtures;
import nl.bluevitaal.support.DemoAppTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The check-in on a 390 px phone: the form, the form after a missing answer, a red result with the help for today,
 * and the history, each without sideways scrolling and without a WCAG 2.1 A/AA violation (axe); and the check-in
 * filled in offline (Chromium's network emulation), kept on the phone with the words that say so, and stored once
 * when the phone is back online.
 */
@DemoAppTest
@BrowserTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CheckInBrowserIT {

  @Autowired
  CaseFixtures fixtures;
  @Autowired
  CheckIns checkIns;

  Browser browser;
  String employee;
  UUID caseId;

  @BeforeAll
  void anEmployeeOnAPhone(Browser browser) {
    this.browser = browser;
    employee = fixtures.user("cib", Groups.EMPLOYEE);
    String counsellor = fixtures.user("cibc", Groups.COUNSELLOR);
    String doctor = fixtures.user("cibd", Groups.COMPANY_DOCTOR);
    caseId = fixtures.sickCase(SickCase.of(employee, "Chris Check " + CaseFixtures.tag("cib"))
        .counselledBy(counsellor, doctor));
    browser.reset(390, 844);
    browser.login(employee, CaseFixtures.PASSWORD);
    waitUntil(() -> browser.path().equals("/"));
  }

  @Test
  void aRedCheckInOnAPhoneShowsTheHelpForTodayAndEveryPageIsAccessible() {
    browser.open("/mijn-traject/check-in");
    assertAccessibleOnAPhone("the check-in form");

    answerEvery("0", 4);
    submit();
    waitUntil(() -> !browser.driver().findElements(By.id("error-summary")).isEmpty());
    assertThat(browser.text()).contains("Kies een antwoord bij deze vraag.");
    assertAccessibleOnAPhone("the check-in form after a missing answer");

    answerEvery("0", 5);
    submit();
    waitUntil(() -> browser.path().matches("/mijn-traject/check-in/[0-9a-f-]{36}"));
    assertThat(browser.find(By.id("checkin-outcome")).getText()).contains("Het gaat slecht met je",
        "Je score is 0 van 100. Dat is erg laag.");
    assertThat(browser.find(By.id("checkin-help")).getText()).contains("0800-0113", "113.nl", "huisartsenpost",
        "088 169 0000");
    assertAccessibleOnAPhone("the red result");

    browser.open("/mijn-traject/check-in/verloop");
    assertThat(browser.find(By.id("checkin-table")).getText()).contains("0 van 100");
    assertAccessibleOnAPhone("the history");
  }

  @Test
  void aCheckInFilledInOfflineIsKeptAndSentOnceWhenBackOnline() {
    int before = ownCheckIns().size();
    browser.open("/mijn-traject/check-in");
    HasCdp cdp = (HasCdp) browser.driver();
    cdp.executeCdpCommand("Network.enable", Map.of());
    offline(cdp, true);
    try {
      waitUntil(() -> Boolean.FALSE.equals(js().executeScript("return navigator.onLine;")));
      answerEvery("3", 5);
      browser.find(By.id("veld-notitie")).sendKeys("Zonder bereik ingevuld");
      submit();
      waitUntil(() -> browser.find(By.id("checkin-offline")).isDisplayed());
      assertThat(browser.find(By.id("checkin-offline")).getText())
          .isEqualTo("Je check-in is bewaard en wordt verstuurd zodra je weer online bent.");
      assertThat(ownCheckIns()).hasSize(before);
      assertThat((String) js().executeScript("return localStorage.getItem('bluevitaal.checkin.pending');"))
          .contains("Zonder bereik ingevuld");
    } finally {
      offline(cdp, false);
    }

    waitUntil(() -> browser.find(By.id("checkin-sent-later")).isDisplayed());
    assertThat(ownCheckIns()).hasSize(before + 1);
    assertThat(ownCheckIns().get(0).note()).isEqualTo("Zonder bereik ingevuld");
    // Opening the page again sends nothing twice: the phone no longer keeps it.
    browser.open("/mijn-traject/check-in");
    assertThat((String) js().executeScript("return localStorage.getItem('bluevitaal.checkin.pending');"))
        .isEqualTo("[]");
    assertThat(ownCheckIns()).hasSize(before + 1);
  }

  // --- helpers ---------------------------------------------------------------------------------------------------

  private List<CheckIn> ownCheckIns() {
    return checkIns.history(CaseFixtures.actor(employee, Groups.EMPLOYEE), caseId);
  }

  private void offline(HasCdp cdp, boolean offline) {
    cdp.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", offline, "latency", 0,
        "downloadThroughput", -1, "uploadThroughput", -1));
  }

  private void answerEvery(String value, int questions) {
    for (int q = 1; q <= questions; q++) {
      WebElement radio = browser.find(By.cssSelector("fieldset.bv-checkin__question:nth-of-type(" + q
          + ") input[type=radio][value='" + value + "']"));
      js().executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", radio);
      js().executeScript("arguments[0].click();", radio);
    }
  }

  private void submit() {
    WebElement button = browser.find(By.cssSelector("#checkin-form button[type=submit]"));
    js().executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", button);
    button.click();
  }

  private void assertAccessibleOnAPhone(String page) {
    assertThat(browser.find(By.tagName("h1")).getText()).as(page).isNotBlank();
    assertThat(browser.scrollsSideways()).as("%s scrolls sideways at 390 px", page).isFalse();
    assertThat(browser.wcagViolations()).as("WCAG 2.1 A/AA violations on %s at 390 px", page).isEmpty();
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

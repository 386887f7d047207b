package nl.bluevitaal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.support.Browser;
import nl.bluevitaal.support.BrowserTest;
import nl.bluevitaal.support.CaseFixtures;
import nl.bluevitaal.support.CaseFixtures.SickCase;
import nl.bluevitaal.support.DemoAppTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * "Ik wil contact" on a 390 px phone, end to end: the employee asks their counsellor to call, the counsellor sees the
 * badge on the caseload and the step in the task list, records the call and so closes it, and the employee reads
 * that the contact was made. Every page of the wish is clean for axe (WCAG 2.1 AA) and never scrolls sideways.
 */
@DemoAppTest
@BrowserTest
class ContactWishBrowserIT {

  @Autowired
  CaseFixtures fixtures;

  @Test
  void theEmployeeAsksTheCounsellorCallsAndClosesItAndTheEmployeeSeesIt(Browser browser) {
    String run = CaseFixtures.tag("cwb");
    String employee = fixtures.account("cwbe-" + run, "Wessel", Groups.EMPLOYEE);
    String counsellor = fixtures.account("cwbc-" + run, "Carla", Groups.COUNSELLOR);
    String doctor = fixtures.user("cwbd", Groups.COMPANY_DOCTOR);
    String name = "Wessel Wens " + run;
    fixtures.sickCase(SickCase.of(employee, name).counselledBy(counsellor, doctor)
        .since(LocalDate.now().minusDays(20)));
    browser.reset(390, 844);

    browser.login(employee, CaseFixtures.PASSWORD).open("/mijn-traject/contact");
    assertThat(browser.text()).contains("Carla Test, je begeleider", "Je deelt dit nu niet met Carla Test");
    clean(browser);
    browser.find(By.id("veld-toelichting")).sendKeys("Graag even bellen over mijn uren.");
    click(browser, By.cssSelector("label[for=veld-delen]"));
    submit(browser);
    assertThat(browser.text()).contains("Je vraag is verstuurd.", "Carla Test belt je uiterlijk");
    clean(browser);

    browser.driver().manage().deleteAllCookies();
    browser.login(counsellor, CaseFixtures.PASSWORD).open("/begeleiding/caseload");
    assertThat(browser.text()).contains(name, "wil contact");
    assertThat(browser.scrollsSideways()).isFalse();
    browser.open("/taken");
    click(browser, By.partialLinkText("Contact opnemen"));
    waitFor(browser, "/contactverzoeken/");
    assertThat(browser.text()).contains("Contact opnemen met " + name, "Graag even bellen over mijn uren.");
    clean(browser);
    browser.find(By.id("veld-verslag")).sendKeys("Gebeld, afspraak gemaakt.");
    submit(browser);
    assertThat(browser.text()).contains("Het contact is vastgelegd");

    browser.driver().manage().deleteAllCookies();
    browser.login(employee, CaseFixtures.PASSWORD).open("/mijn-traject/contact");
    assertThat(browser.text()).contains("Carla Test heeft contact met je gehad op");
    clean(browser);
  }

  private static void clean(Browser browser) {
    assertThat(browser.wcagViolations()).as(browser.path()).isEmpty();
    assertThat(browser.scrollsSideways()).as(browser.path()).isFalse();
  }

  private static void submit(Browser browser) {
    String before = browser.driver().getCurrentUrl();
    click(browser, By.cssSelector("main form button[type=submit]"));
    new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> "complete".equals(
        ((JavascriptExecutor) d).executeScript("return document.readyState"))
        && (!d.getCurrentUrl().equals(before) || d.getPageSource().contains("utrecht-alert")));
  }

  /**
   * A phone's viewport is short and the layout scrolls smoothly, so a native click can land mid-scroll on another
   * element: the element is brought into view and clicked as the page's own script would.
   */
  private static void click(Browser browser, By by) {
    WebElement element = browser.find(by);
    ((JavascriptExecutor) browser.driver()).executeScript(
        "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'}); arguments[0].click();", element);
  }

  private static void waitFor(Browser browser, String path) {
    new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().contains(path));
  }
}

package nl.bluevitaal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.bluevitaal.support.Browser;
import nl.bluevitaal.support.BrowserTest;
import nl.bluevitaal.support.DemoAppTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * Mijn traject of the demo's employees in a real browser, on a desktop and on a phone: what waits comes first and
 * agrees with the start page, no document shows its storage markup, nothing scrolls sideways, and the page (with
 * every folded part opened) and the employee's step page have no WCAG 2.1 A/AA violation.
 */
@DemoAppTest
@BrowserTest
class MijnTrajectBrowserIT {

  @ParameterizedTest(name = "{0} at {1} px")
  @CsvSource({"bram, 1280", "bram, 390", "anna, 1280", "anna, 390"})
  void mijnTrajectIsCalmReadableAndAccessible(String user, int width, Browser browser) {
    browser.reset(width, width < 500 ? 844 : 900);
    browser.login(user, "demo");
    String count = browser.find(By.id("home-todo-count")).getAttribute("data-todo-count");
    assertThat(browser.scrollsSideways()).isFalse();

    browser.open("/mijn-traject");
    List<WebElement> waiting = browser.driver().findElements(By.cssSelector("#todo-list > li"));
    assertThat(String.valueOf(waiting.size())).as("Te doen agrees with the start page").isEqualTo(count);
    ((JavascriptExecutor) browser.driver())
        .executeScript("document.querySelectorAll('details').forEach(d => d.open = true)");
    // Every document as readable text (the correction form still edits the stored text: not checked here).
    browser.driver().findElements(By.cssSelector(".bv-doc"))
        .forEach(doc -> assertThat(doc.getText()).doesNotContain("## "));
    assertThat(browser.scrollsSideways()).isFalse();
    assertThat(browser.wcagViolations()).isEmpty();

    if (!waiting.isEmpty()) {
      WebElement first = browser.find(By.cssSelector("#todo-list .bv-mine__todo-link"));
      // In the middle of the screen, as a person scrolls to it: at the screen's lower edge another element took the
      // click (anna at 390 px, once her list had a step).
      ((JavascriptExecutor) browser.driver())
          .executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", first);
      first.click();
      assertThat(browser.path()).startsWith("/mijn-traject/stap/");
      assertThat(browser.scrollsSideways()).isFalse();
      assertThat(browser.wcagViolations()).isEmpty();
    }

    browser.open("/mijn-traject/wie-keek");
    assertThat(browser.scrollsSideways()).isFalse();
    assertThat(browser.wcagViolations()).isEmpty();
  }
}

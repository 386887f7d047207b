package nl.bluevitaal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import nl.bluevitaal.support.Browser;
import nl.bluevitaal.support.BrowserTest;
import nl.bluevitaal.support.DemoAppTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;

/** The first pages everyone meets, in a real browser: usable, accessible, and fine on a phone. */
@DemoAppTest
@BrowserTest
class LoginAndHomeBrowserIT {

  @BeforeEach
  void freshVisitor(Browser browser) {
    browser.reset(1280, 900);
  }

  @ParameterizedTest(name = "login page in {0} has no WCAG 2.1 A/AA violation")
  @ValueSource(strings = {"nl", "en"})
  void theLoginPageIsAccessibleInBothLanguages(String language, Browser browser) {
    browser.open("/login?lang=" + language);

    assertThat(browser.find(By.tagName("html")).getAttribute("lang")).isEqualTo(language);
    assertThat(browser.wcagViolations()).isEmpty();
  }

  @ParameterizedTest(name = "{0} logs in and the home page has no WCAG 2.1 A/AA violation")
  @ValueSource(strings = {"anna", "carla", "dirk", "eva", "frank", "gerda", "hans", "demo"})
  void everyRoleLogsInToAnAccessibleHomePage(String user, Browser browser) {
    browser.login(user, "demo");

    assertThat(browser.path()).isEqualTo("/");
    assertThat(browser.wcagViolations()).isEmpty();
  }

  @Test
  void aFailedLoginSaysSoAndKeepsTheUserName(Browser browser) {
    browser.login("niemand-browser", "fout");

    assertThat(browser.text()).contains("Gebruikersnaam of wachtwoord onjuist");
    assertThat(browser.find(By.id("username")).getAttribute("value"))
        .isEqualTo("niemand-browser");
    assertThat(browser.wcagViolations()).isEmpty();
  }

  @Test
  void theEmployeesFirstPagesWorkOnAPhone(Browser browser) {
    browser.reset(390, 844);
    browser.open("/login");
    assertThat(browser.scrollsSideways()).isFalse();

    browser.login("anna", "demo");

    assertThat(browser.path()).isEqualTo("/");
    assertThat(browser.scrollsSideways()).isFalse();
    assertThat(browser.wcagViolations()).isEmpty();
  }
}

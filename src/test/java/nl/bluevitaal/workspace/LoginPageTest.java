package nl.bluevitaal.workspace;

import static nl.bluevitaal.support.Pages.containsDemoRow;
import static nl.bluevitaal.support.Pages.containsPattern;
import static nl.bluevitaal.support.Pages.signedInAs;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import nl.bluevitaal.identity.Groups;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;

class LoginPageTest {

  @Nested
  @WorkspaceWebMvcTest(properties = "bluevitaal.demo.enabled=false")
  class WithoutDemo {

    @Autowired
    MockMvc mvc;

    @Test
    void rendersTheDutchLoginFormWithCsrfTokenToAnonymousVisitors() throws Exception {
      mvc.perform(get("/login"))
          .andExpect(status().isOk())
          .andExpect(content().string(allOf(
              containsString("<html lang=\"nl\""),
              containsString("<title>Inloggen – BlueVitaal</title>"),
              containsString("Inloggen bij BlueVitaal"),
              containsString("method=\"post\" action=\"/login\""),
              containsString("<label class=\"utrecht-form-label\" for=\"username\">Gebruikersnaam</label>"),
              containsString("name=\"username\" type=\"text\""),
              containsString("autocomplete=\"username\""),
              containsString("<label class=\"utrecht-form-label\" for=\"password\">Wachtwoord</label>"),
              containsString("name=\"password\" type=\"password\""),
              containsString("autocomplete=\"current-password\""),
              containsString("type=\"hidden\" name=\"_csrf\""),
              not(containsString("role=\"alert\"")))));
    }

    @Test
    void hidesTheDemoAccountsOutsideTheDemo() throws Exception {
      mvc.perform(get("/login"))
          .andExpect(status().isOk())
          .andExpect(content().string(allOf(
              not(containsString("Demo-accounts")),
              not(containsString("<code>demo</code>")),
              not(containsString("<code>anna</code>")))));
    }

    @Test
    void saysTheCredentialsWereWrongAfterAFailedLogin() throws Exception {
      mvc.perform(get("/login").param("error", ""))
          .andExpect(status().isOk())
          .andExpect(content().string(allOf(
              containsString("<title>Fout: Inloggen – BlueVitaal</title>"),
              containsString("role=\"alert\""),
              containsString("Gebruikersnaam of wachtwoord onjuist."),
              containsString("aria-invalid=\"true\""),
              containsString("aria-describedby=\"login-error\""))));
    }

    @Test
    void confirmsTheLogout() throws Exception {
      mvc.perform(get("/login").param("logout", ""))
          .andExpect(status().isOk())
          .andExpect(content().string(allOf(
              containsString("role=\"status\""),
              containsString("Je bent uitgelogd."),
              not(containsString("Gebruikersnaam of wachtwoord onjuist.")))));
    }

    @Test
    void switchesToEnglishAndRemembersItInACookie() throws Exception {
      mvc.perform(get("/login").param("lang", "en"))
          .andExpect(status().isOk())
          .andExpect(cookie().value(LocaleConfiguration.COOKIE_NAME, "en"))
          .andExpect(cookie().httpOnly(LocaleConfiguration.COOKIE_NAME, true))
          .andExpect(content().string(allOf(
              containsString("<html lang=\"en\""),
              containsString("<title>Log in – BlueVitaal</title>"),
              containsString("Log in to BlueVitaal"),
              containsString(">Username</label>"),
              containsString(">Password</label>"),
              containsString("Skip to main content"),
              not(containsString("Gebruikersnaam")))));

      mvc.perform(get("/login").param("error", "").cookie(new Cookie(LocaleConfiguration.COOKIE_NAME, "en")))
          .andExpect(content().string(allOf(
              containsString("<html lang=\"en\""),
              containsString("Incorrect username or password."))));
    }

    @Test
    void staysDutchWhateverTheBrowserPrefers() throws Exception {
      mvc.perform(get("/login").header(HttpHeaders.ACCEPT_LANGUAGE, "en-GB,en;q=0.9"))
          .andExpect(content().string(containsString("<html lang=\"nl\"")));
    }

    @Test
    void ignoresLanguagesWeHaveNoTextsFor() throws Exception {
      mvc.perform(get("/login").param("lang", "fr"))
          .andExpect(cookie().doesNotExist(LocaleConfiguration.COOKIE_NAME))
          .andExpect(content().string(containsString("<html lang=\"nl\"")));

      mvc.perform(get("/login").param("lang", "fr").cookie(new Cookie(LocaleConfiguration.COOKIE_NAME, "en")))
          .andExpect(content().string(containsString("<html lang=\"en\"")));

      mvc.perform(get("/login").cookie(new Cookie(LocaleConfiguration.COOKIE_NAME, "fr")))
          .andExpect(content().string(containsString("<html lang=\"nl\"")));

      mvc.perform(get("/login").param("lang", "<script>"))
          .andExpect(status().isOk())
          .andExpect(content().string(containsString("<html lang=\"nl\"")));
    }

    @Test
    void offersTheSkipLinkAndLanguageSwitchButNoUserMenuToAnonymousVisitors() throws Exception {
      mvc.perform(get("/login"))
          .andExpect(content().string(allOf(
              containsString("class=\"utrecht-skip-link utrecht-skip-link--visible-on-focus\" href=\"#main\""),
              containsString("<main id=\"main\" tabindex=\"-1\""),
              containsPattern("href=\"\\?lang=nl\" hreflang=\"nl\" lang=\"nl\"\\s+aria-current=\"true\">Nederlands</a>"),
              containsString("href=\"?lang=en\" hreflang=\"en\" lang=\"en\">English</a>"),
              containsString("class=\"bluevitaal-theme utrecht-root\""),
              containsString("href=\"/vendor/utrecht/index.css\""),
              containsString("href=\"/css/tokens.css\""),
              containsString("src=\"/vendor/htmx/htmx.min.js\""),
              not(containsString("action=\"/logout\"")))));
    }

    @Test
    void sendsASignedInUserToTheHomePage() throws Exception {
      mvc.perform(get("/login").with(signedInAs("carla", "Carla Korenbloem", Groups.COUNSELLOR)))
          .andExpect(redirectedUrl("/"));
    }
  }

  @Nested
  @WorkspaceWebMvcTest(properties = "bluevitaal.demo.enabled=true")
  class InTheDemo {

    @Autowired
    MockMvc mvc;

    @Test
    void listsTheDemoAccountsWithTheirRoles() throws Exception {
      mvc.perform(get("/login"))
          .andExpect(status().isOk())
          .andExpect(content().string(allOf(
              containsString("Demo-accounts"),
              containsString("<code>demo</code>"),
              containsDemoRow("anna", "Medewerker"),
              containsDemoRow("bram", "Medewerker"),
              containsDemoRow("carla", "Begeleider / casemanager"),
              containsDemoRow("dirk", "Bedrijfsarts"),
              containsDemoRow("eva", "Leidinggevende"),
              containsDemoRow("frank", "Management"),
              containsDemoRow("gerda", "Proceseigenaar"),
              containsDemoRow("hans", "Buddy"),
              containsDemoRow("demo", "Beheerder"))));
    }

    @Test
    void listsTheDemoAccountsInEnglishToo() throws Exception {
      mvc.perform(get("/login").param("lang", "en"))
          .andExpect(content().string(allOf(
              containsString("Demo accounts"),
              containsDemoRow("bram", "Employee"))));
    }
  }
}

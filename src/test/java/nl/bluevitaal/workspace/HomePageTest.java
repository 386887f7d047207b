package nl.bluevitaal.workspace;

import static nl.bluevitaal.support.Pages.containsPattern;
import static nl.bluevitaal.support.Pages.signedInAs;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.bluevitaal.identity.Groups;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@WorkspaceWebMvcTest
class HomePageTest {

  @Autowired
  MockMvc mvc;

  /** One row per group: the links the home page offers it, and none of the others. */
  static Stream<Arguments> linksPerGroup() {
    return Stream.of(
        Arguments.of(Groups.EMPLOYEE, EnumSet.noneOf(WorkspaceLink.class)),
        Arguments.of(Groups.COUNSELLOR, EnumSet.of(WorkspaceLink.TASKLIST, WorkspaceLink.API_DOCS)),
        Arguments.of(Groups.COMPANY_DOCTOR, EnumSet.of(WorkspaceLink.TASKLIST, WorkspaceLink.API_DOCS)),
        Arguments.of(Groups.LINE_MANAGER, EnumSet.of(WorkspaceLink.API_DOCS)),
        Arguments.of(Groups.MANAGEMENT, EnumSet.of(WorkspaceLink.API_DOCS)),
        Arguments.of(Groups.PROCESS_OWNER, EnumSet.of(WorkspaceLink.COCKPIT, WorkspaceLink.API_DOCS)),
        Arguments.of(Groups.BUDDY, EnumSet.noneOf(WorkspaceLink.class)),
        Arguments.of(Groups.ADMINISTRATOR, EnumSet.of(WorkspaceLink.ADMIN)));
  }

  @ParameterizedTest(name = "{0} sees {1}")
  @MethodSource("linksPerGroup")
  void offersEachRoleOnlyTheApplicationsItMayOpen(String group, Set<WorkspaceLink> expected) throws Exception {
    List<Matcher<? super String>> matchers = new ArrayList<>();
    for (WorkspaceLink link : WorkspaceLink.values()) {
      Matcher<String> anchor = containsPattern(
          "href=\"" + Pattern.quote(link.getPath()) + "\"\\s+data-link=\"" + link.name() + "\"");
      matchers.add(expected.contains(link) ? anchor : not(anchor));
    }
    mvc.perform(get("/").with(signedInAs("someone", "Iemand", group)))
        .andExpect(status().isOk())
        .andExpect(content().string(allOf(matchers)));
  }

  @Test
  void opensTasklistToCounsellorsButNotCockpitOrAdmin() throws Exception {
    mvc.perform(get("/").with(signedInAs("carla", "Carla Korenbloem", Groups.COUNSELLOR)))
        .andExpect(status().isOk())
        .andExpect(content().string(allOf(
            containsString("href=\"/camunda/app/tasklist/\""),
            containsString(">Tasklist</a>"),
            not(containsString("/camunda/app/cockpit/")),
            not(containsString("/camunda/app/admin/")))));
  }

  @Test
  void opensCockpitToProcessOwnersButNotTasklistOrAdmin() throws Exception {
    mvc.perform(get("/").with(signedInAs("gerda", "Gerda Heidebloem", Groups.PROCESS_OWNER)))
        .andExpect(status().isOk())
        .andExpect(content().string(allOf(
            containsString("href=\"/camunda/app/cockpit/\""),
            not(containsString("/camunda/app/admin/")),
            not(containsString("/camunda/app/tasklist/")))));
  }

  @Test
  void greetsTheUserByDisplayNameAndNamesTheRoleInDutch() throws Exception {
    mvc.perform(get("/").with(signedInAs("carla", "Carla Korenbloem", Groups.COUNSELLOR)))
        .andExpect(status().isOk())
        .andExpect(content().string(allOf(
            containsString("<title>Start – BlueVitaal</title>"),
            containsString("<h1 class=\"utrecht-heading-1\">Welkom, Carla Korenbloem</h1>"),
            containsString(">Je rol</h2>"),
            containsPattern("data-role=\"counsellor\">\\s*<span class=\"utrecht-data-badge\">Begeleider / casemanager"),
            containsString("Je caseload en de stappen die op jou wachten, vind je hieronder bij Je werk."))));
  }

  @Test
  void laysOutNoModuleSectionsWhenNoModuleContributesAny() throws Exception {
    // What the modules add (caseload, tasks, team, Mijn traject) is HomeSectionsTest's, on the whole application.
    mvc.perform(get("/").with(signedInAs("carla", "Carla Korenbloem", Groups.COUNSELLOR)))
        .andExpect(status().isOk())
        .andExpect(view().name("workspace/home"))
        .andExpect(model().attribute("mainSections", empty()))
        .andExpect(model().attribute("workSections", empty()))
        .andExpect(content().string(not(containsString("id=\"work-heading\""))));
  }

  @Test
  void namesEveryRoleOfAUserWithSeveral() throws Exception {
    mvc.perform(get("/").with(signedInAs("gerda", "Gerda Heidebloem", Groups.PROCESS_OWNER, Groups.MANAGEMENT)))
        .andExpect(content().string(allOf(
            containsString(">Je rollen</h2>"),
            containsPattern("data-role=\"management\">\\s*<span class=\"utrecht-data-badge\">Management"),
            containsPattern("data-role=\"process-owner\">\\s*<span class=\"utrecht-data-badge\">Proceseigenaar"))));
  }

  @Test
  void withoutAJourneySectionTheEmployeeHomeSaysMijnTrajectIsNotThereYet() throws Exception {
    mvc.perform(get("/").with(signedInAs("anna", "Anna Zonnebloem", Groups.EMPLOYEE)))
        .andExpect(status().isOk())
        .andExpect(content().string(allOf(
            containsString("Welkom, Anna Zonnebloem"),
            containsString("Mijn traject"),
            containsString("Het is nog niet klaar."),
            not(containsString("id=\"links-heading\"")))));
  }

  @Test
  void tellsAUserWithoutARoleWhomToAsk() throws Exception {
    mvc.perform(get("/").with(signedInAs("nieuw", "Nieuwe Collega")))
        .andExpect(status().isOk())
        .andExpect(content().string(allOf(
            containsString("Je hebt nog geen rol in BlueVitaal."),
            not(containsString("id=\"next-heading\"")))));
  }

  @Test
  void speaksEnglishWhenAsked() throws Exception {
    mvc.perform(get("/").param("lang", "en").with(signedInAs("carla", "Carla Korenbloem", Groups.COUNSELLOR)))
        .andExpect(content().string(allOf(
            containsString("<html lang=\"en\""),
            containsString("Welcome, Carla Korenbloem"),
            containsString(">Your role</h2>"),
            containsString("Counsellor / case manager"),
            containsString(">Log out</button>"))));
  }

  @Test
  void showsTheSignedInUserAndALogoutFormWithCsrfTokenInTheHeader() throws Exception {
    mvc.perform(get("/").with(signedInAs("carla", "Carla Korenbloem", Groups.COUNSELLOR)))
        .andExpect(content().string(allOf(
            containsPattern("<span class=\"bv-visually-hidden\">Ingelogd als</span>\\s*<span>Carla Korenbloem</span>"),
            containsPattern("<form class=\"bv-user__form\" method=\"post\" action=\"/logout\">"
                + "<input type=\"hidden\" name=\"_csrf\" value=\"[^\"]+\"/>"),
            containsString(">Uitloggen</button>"),
            containsPattern("<meta name=\"_csrf\" content=\"[^\"]+\">"),
            containsString("<meta name=\"_csrf_header\" content=\"X-CSRF-TOKEN\">"))));
  }

  @Test
  void escapesTheDisplayName() throws Exception {
    mvc.perform(get("/").with(signedInAs("x", "<script>alert(1)</script>", Groups.EMPLOYEE)))
        .andExpect(content().string(allOf(
            containsString("Welkom, &lt;script&gt;alert(1)&lt;/script&gt;"),
            not(containsString("<script>alert(1)</script>")))));
  }

  @Test
  void sendsAnonymousVisitorsToTheLoginPage() throws Exception {
    mvc.perform(get("/").accept(MediaType.TEXT_HTML))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("http://localhost/login"));
  }
}

package nl.bluevitaal.selfservice.checkin.web;

import static nl.bluevitaal.support.Pages.as;
import static nl.bluevitaal.support.Pages.attribute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.journey.CheckInTriage.Level;
import nl.bluevitaal.selfservice.checkin.CheckIn;
import nl.bluevitaal.selfservice.checkin.Instrument;
import nl.bluevitaal.support.ApplicationTest;
import nl.bluevitaal.support.CaseFixtures.People;
import nl.bluevitaal.support.CaseFixtures;
import nl.bluevitaal.web.FormState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The check-in pages as the employee uses them: the form with WHO-5's five questions, a form that comes back with a
 * message beside each field and what was typed, the result per level (why, and what happens next: tips, an offer of
 * contact, the help numbers for today), a second check-in in one week, a double tap stored once, and the history.
 */
@ApplicationTest
class CheckInPagesTest {

  @Autowired
  MockMvc mvc;
  @Autowired
  CaseFixtures fixtures;

  People people;

  @BeforeEach
  void aCase() {
    people = fixtures.people("cp");
  }

  private RequestPostProcessor employee() {
    return as(people.employee(), Groups.EMPLOYEE);
  }

  private MockHttpServletRequestBuilder checkIn(String clientId, String note, Integer... answers) {
    MockHttpServletRequestBuilder request = post("/mijn-traject/check-in").with(employee()).with(csrf())
        .param("clientId", clientId);
    for (int i = 0; i < answers.length; i++) {
      if (answers[i] != null) {
        request.param("antwoord[" + i + "]", String.valueOf(answers[i]));
      }
    }
    return note == null ? request : request.param("notitie", note);
  }

  /** Submits, follows the redirect to the result, and returns the result page. */
  private MvcResult submitAndOpen(Integer... answers) throws Exception {
    String location = mvc.perform(checkIn(UUID.randomUUID().toString(), null, answers))
        .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
    assertThat(location).startsWith("/mijn-traject/check-in/");
    return mvc.perform(get(location).with(employee())).andExpect(status().isOk())
        .andExpect(view().name(CheckInController.VIEW_RESULT)).andReturn();
  }

  @Test
  void theFormAsksTheFiveQuestionsOfWho5WithTheirScale() throws Exception {
    MvcResult page = mvc.perform(get("/mijn-traject/check-in").with(employee()))
        .andExpect(status().isOk())
        .andExpect(view().name(CheckInController.VIEW_FORM))
        .andExpect(model().attribute("hasCase", true))
        .andExpect(model().attribute("thisWeek", (Object) null))
        .andExpect(content().string(containsString("Ik voelde me rustig en ontspannen")))
        .andExpect(content().string(containsString("Het grootste deel van de tijd")))
        .andReturn();
    Instrument instrument = attribute(page, "instrument");
    assertThat(instrument.key()).isEqualTo("WHO5");
    assertThat(instrument.items()).hasSize(5);
    assertThat(instrument.scale()).hasSize(6);
    assertThat((String) attribute(page, "clientId")).isNotBlank();
  }

  @Test
  void aFormWithAMissingAnswerAndANoteTooLongComesBackWithWhatWasTyped() throws Exception {
    String note = "n".repeat(1001);
    MvcResult page = mvc.perform(checkIn(UUID.randomUUID().toString(), note, 3, 3, null, 3, 3))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(view().name(CheckInController.VIEW_FORM))
        .andExpect(content().string(containsString("Kies een antwoord bij deze vraag.")))
        .andExpect(content().string(containsString("Je tekst is te lang. Gebruik hoogstens 1000 tekens.")))
        .andReturn();
    FormState form = attribute(page, "form");
    assertThat(form.errors()).containsOnlyKeys("antwoord[2]", "notitie");
    assertThat(form.value("notitie")).isEqualTo(note);
    assertThat(form.value("antwoord[0]")).isEqualTo("3");
  }

  @Test
  void anEmptyFormComesBackAskingForEveryAnswer() throws Exception {
    MvcResult page = mvc.perform(post("/mijn-traject/check-in").with(employee()).with(csrf())
            .param("clientId", UUID.randomUUID().toString()))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(view().name(CheckInController.VIEW_FORM))
        .andReturn();
    FormState form = attribute(page, "form");
    assertThat(form.errors()).containsOnlyKeys("antwoord[0]", "antwoord[1]", "antwoord[2]", "antwoord[3]",
        "antwoord[4]");
  }

  @Test
  void anAnswerThatIsNotANumberComesBackBesideItsQuestion() throws Exception {
    MvcResult page = mvc.perform(post("/mijn-traject/check-in").with(employee()).with(csrf())
            .param("clientId", UUID.randomUUID().toString()).param("antwoord[0]", "veel")
            .param("antwoord[1]", "3").param("antwoord[2]", "3").param("antwoord[3]", "3").param("antwoord[4]", "9"))
        .andExpect(status().isUnprocessableEntity())
        .andReturn();
    FormState form = attribute(page, "form");
    assertThat(form.errors()).containsOnlyKeys("antwoord[0]", "antwoord[4]");
    assertThat(form.value("antwoord[1]")).isEqualTo("3");
  }

  @Test
  void aRedCheckInAdvisesTheCompanyDoctorTodayWithTheHelpNumbers() throws Exception {
    MvcResult result = submitAndOpen(1, 1, 1, 1, 1);

    CheckIn checkIn = attribute(result, "checkIn");
    assertThat(checkIn.level()).isEqualTo(Level.RED);
    assertThat(checkIn.scorePercentage()).isEqualTo(20);
    String html = result.getResponse().getContentAsString();
    assertThat(html).contains("Het gaat slecht met je", "Je score is 20 van 100. Dat is erg laag.",
        "Neem vandaag nog contact op met de bedrijfsarts", "088 169 0000", "088 169 0100", "huisartsenpost",
        "0800-0113", "113.nl", "112", "name=\"met\" value=\"BEDRIJFSARTS\"",
        "name=\"aanleiding\" value=\"CHECK_IN\"", "action=\"/mijn-traject/contact\"");
  }

  @Test
  void anAmberCheckInExplainsWhyAndOffersContactWithTheCounsellor() throws Exception {
    MvcResult result = submitAndOpen(2, 2, 2, 2, 0);

    CheckIn checkIn = attribute(result, "checkIn");
    assertThat(checkIn.level()).isEqualTo(Level.AMBER);
    assertThat(result.getResponse().getContentAsString()).contains("Het gaat niet zo goed met je",
        "Je score is 32 van 100. Dat is laag.", "name=\"met\" value=\"BEGELEIDER\"",
        "name=\"aanleiding\" value=\"CHECK_IN\"").doesNotContain("0800-0113");
  }

  @Test
  void aGreenCheckInGivesSelfHelpTipsAndTheWayToTheHomeTools() throws Exception {
    MvcResult result = submitAndOpen(4, 4, 3, 3, 4);

    CheckIn checkIn = attribute(result, "checkIn");
    assertThat(checkIn.level()).isEqualTo(Level.GREEN);
    assertThat(result.getResponse().getContentAsString()).contains("Je score is 72 van 100.",
        "Plan elke dag iets wat je energie geeft.", "href=\"/mijn-traject/energiebalans\"")
        .doesNotContain("name=\"met\"");
  }

  @Test
  void aSecondCheckInInOneWeekIsAllowedAndSaysSo() throws Exception {
    submitAndOpen(3, 3, 3, 3, 3);

    mvc.perform(get("/mijn-traject/check-in").with(employee()))
        .andExpect(model().attributeExists("thisWeek"))
        .andExpect(content().string(containsString("Je deed deze week al een check-in")));
    mvc.perform(checkIn(UUID.randomUUID().toString(), null, 3, 3, 3, 3, 3))
        .andExpect(status().is3xxRedirection())
        .andExpect(flash().attribute("earlierThisWeek", 1))
        .andExpect(flash().attribute("alreadyReceived", false));
  }

  @Test
  void aCheckInKeptOfflineArrivesThroughTheFormWithItsOwnTimeWithinTheLimits() throws Exception {
    OffsetDateTime threeDaysAgo = OffsetDateTime.now().minusDays(3).withNano(0);
    String location = mvc.perform(checkIn(UUID.randomUUID().toString(), "Offline", 3, 3, 3, 3, 3)
            .param("moment", threeDaysAgo.toString()))
        .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
    CheckIn kept = attribute(mvc.perform(get(location).with(employee())).andReturn(), "checkIn");
    assertThat(kept.takenAt().toInstant()).isEqualTo(threeDaysAgo.toInstant());

    MvcResult tooOld = mvc.perform(checkIn(UUID.randomUUID().toString(), null, 3, 3, 3, 3, 3)
            .param("moment", OffsetDateTime.now().minusDays(8).toString()))
        .andExpect(status().isUnprocessableEntity()).andReturn();
    assertThat(((FormState) attribute(tooOld, "form")).errors())
        .containsExactly(Map.entry("moment", "checkin.error.moment-too-old"));
  }

  @Test
  void aDoubleTapOnSendStoresTheCheckInOnce() throws Exception {
    String clientId = UUID.randomUUID().toString();
    String first = mvc.perform(checkIn(clientId, "Twee keer getikt", 3, 3, 3, 3, 3))
        .andReturn().getResponse().getRedirectedUrl();

    mvc.perform(checkIn(clientId, "Twee keer getikt", 3, 3, 3, 3, 3))
        .andExpect(status().is3xxRedirection())
        .andExpect(flash().attribute("alreadyReceived", true))
        .andExpect(result -> assertThat(result.getResponse().getRedirectedUrl()).isEqualTo(first));
    MvcResult history = mvc.perform(get("/mijn-traject/check-in/verloop").with(employee())).andReturn();
    assertThat((List<CheckIn>) attribute(history, "checkIns")).hasSize(1);
  }

  @Test
  void theHistoryShowsTheScoresAsChartAndTableAndTheNotesNewestFirst() throws Exception {
    mvc.perform(checkIn(UUID.randomUUID().toString(), "Eerste week", 2, 2, 2, 2, 2));
    mvc.perform(checkIn(UUID.randomUUID().toString(), null, 3, 3, 3, 3, 3));
    mvc.perform(checkIn(UUID.randomUUID().toString(), "Derde keer", 4, 4, 4, 4, 4));

    MvcResult page = mvc.perform(get("/mijn-traject/check-in/verloop").with(employee()))
        .andExpect(status().isOk())
        .andExpect(view().name(CheckInController.VIEW_HISTORY))
        .andExpect(model().attribute("chartValues", "40,60,80"))
        .andExpect(model().attribute("lowest", 40))
        .andExpect(model().attribute("highest", 80))
        .andExpect(content().string(containsString("Je deed 3 check-ins. Je laatste score is 80 van 100.")))
        .andExpect(content().string(containsString("id=\"checkin-table\"")))
        .andReturn();
    List<CheckIn> checkIns = attribute(page, "checkIns");
    assertThat(checkIns).extracting(CheckIn::scorePercentage).containsExactly(80, 60, 40);
    List<CheckIn> notes = attribute(page, "notes");
    assertThat(notes).extracting(CheckIn::note).containsExactly("Derde keer", "Eerste week");
  }

  @Test
  void theCheckInIsTheEmployeesOwnPageNotTheCounsellorsOrTheDoctors() throws Exception {
    mvc.perform(get("/mijn-traject/check-in").with(as(people.counsellor(), Groups.COUNSELLOR)))
        .andExpect(status().isForbidden());
    mvc.perform(get("/mijn-traject/check-in/verloop").with(as(people.doctor(), Groups.COMPANY_DOCTOR)))
        .andExpect(status().isForbidden());
    String other = mvc.perform(checkIn(UUID.randomUUID().toString(), null, 3, 3, 3, 3, 3))
        .andReturn().getResponse().getRedirectedUrl();
    // Another employee opening this check-in's address finds nothing: it is not in their case.
    mvc.perform(get(other).with(as(people.otherEmployee(), Groups.EMPLOYEE)))
        .andExpect(status().isNotFound())
        .andExpect(content().string(not(containsString("van 100"))));
  }
}

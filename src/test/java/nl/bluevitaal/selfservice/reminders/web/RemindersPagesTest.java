package nl.bluevitaal.selfservice.reminders.web;

import static nl.bluevitaal.support.Pages.as;
import static nl.bluevitaal.support.Pages.attribute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.DayOfWeek;
import java.util.List;
import nl.bluevitaal.identity.Accounts;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.notices.MailConsents;
import nl.bluevitaal.privacy.AuditAction;
import nl.bluevitaal.privacy.AuditTrail;
import nl.bluevitaal.selfservice.reminders.ReminderSettings;
import nl.bluevitaal.selfservice.reminders.Reminders;
import nl.bluevitaal.support.ApplicationTest;
import nl.bluevitaal.support.CaseFixtures;
import nl.bluevitaal.web.FormState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The employee's reminders page and API: the choice saved and said back in words, e-mail only as a consent the
 * employee gives and withdraws (audited both ways), a wrong day answered beside the field with the choice kept, a
 * save from an older page answered 409, e-mail without an address refused, and everyone but the employee refused
 * (and recorded).
 */
@ApplicationTest
class RemindersPagesTest {

  private static final String PAGE = "/mijn-traject/herinneringen";

  @Autowired
  MockMvc mvc;
  @Autowired
  CaseFixtures fixtures;
  @Autowired
  Reminders reminders;
  @Autowired
  MailConsents consents;
  @Autowired
  Accounts accounts;
  @Autowired
  AuditTrail audit;
  @Autowired
  JdbcTemplate jdbc;

  CaseFixtures.People people;

  @BeforeEach
  void aCaseWhoseEmployeeHasAnAddress() {
    people = fixtures.people("rp");
    jdbc.update("update act_id_user set email_ = ? where id_ = ?", people.employee() + "@thuis.example",
        people.employee());
  }

  @Test
  void theChoiceIsSavedAndSaidBackInWordsAndEmailIsAConsentGivenAndWithdrawn() throws Exception {
    mvc.perform(get(PAGE).with(employee()))
        .andExpect(status().isOk())
        .andExpect(view().name(RemindersController.VIEW))
        .andExpect(content().string(containsString("Je krijgt geen herinnering voor je check-in.")))
        .andExpect(content().string(containsString("Ja, stuur mijn seintjes ook naar " + people.employee()
            + "@thuis.example")));

    mvc.perform(post(PAGE).with(csrf()).with(employee()).param("dag", "donderdag").param("wachtend", "true")
            .param("email", "true"))
        .andExpect(redirectedUrl(PAGE))
        .andExpect(flash().attribute("remindersSaved", true));

    assertThat(reminders.settings(people.asEmployee(), people.caseId()))
        .isEqualTo(new ReminderSettings(DayOfWeek.THURSDAY, true, true, 1));
    assertThat(consents.given(people.employee())).isTrue();
    mvc.perform(get(PAGE).with(employee()))
        .andExpect(content().string(containsString("Je krijgt elke donderdag een herinnering voor je check-in")))
        .andExpect(content().string(containsString("Je seintjes komen ook per e-mail, naar "
            + people.employee() + "@thuis.example")));

    mvc.perform(post(PAGE).with(csrf()).with(employee()).param("dag", "").param("versie", "1"))
        .andExpect(redirectedUrl(PAGE));
    assertThat(reminders.settings(people.asEmployee(), people.caseId()))
        .isEqualTo(new ReminderSettings(null, false, false, 2));
    assertThat(consents.given(people.employee())).as("unticked: consent withdrawn at once").isFalse();
    assertThat(audit.forCase(people.caseId())).filteredOn(e -> e.actorUserId().equals(people.employee())
            && e.action() == AuditAction.WRITE)
        .extracting(e -> e.what())
        .contains("consent to notices by e-mail given", "consent to notices by e-mail withdrawn",
            "reminders: check-in THURSDAY, waiting steps on", "reminders: check-in none, waiting steps off");
  }

  @Test
  void aWrongDayComesBackBesideTheFieldWithTheChoiceKeptAndNothingSaved() throws Exception {
    MvcResult page = mvc.perform(post(PAGE).with(csrf()).with(employee()).param("dag", "maandagavond")
            .param("wachtend", "true"))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(content().string(containsString("Kies een dag uit de lijst.")))
        .andReturn();
    FormState form = attribute(page, "form");
    assertThat(form.errors()).containsEntry("dag", "reminders.error.day");
    assertThat(form.value("wachtend")).isEqualTo("true");
    assertThat(reminders.settings(people.asEmployee(), people.caseId()).version()).isZero();
  }

  @Test
  void aSaveFromAnOlderPageIsAConflictAndKeepsTheNewChoice() throws Exception {
    mvc.perform(post(PAGE).with(csrf()).with(employee()).param("dag", "maandag")).andExpect(redirectedUrl(PAGE));

    MvcResult page = mvc.perform(post(PAGE).with(csrf()).with(employee()).param("dag", "vrijdag"))
        .andExpect(status().isConflict())
        .andReturn();
    FormState form = attribute(page, "form");
    assertThat(form.formError()).isEqualTo("reminders.conflict");
    assertThat(form.value("dag")).isEqualTo("vrijdag");
    assertThat(reminders.settings(people.asEmployee(), people.caseId()).checkInDay()).isEqualTo(DayOfWeek.MONDAY);
  }

  @Test
  void emailWithoutAnAddressIsRefusedBesideTheBoxAndNothingIsSaved() throws Exception {
    jdbc.update("update act_id_user set email_ = null where id_ = ?", people.employee());

    mvc.perform(get(PAGE).with(employee()))
        .andExpect(content().string(containsString("We hebben geen e-mailadres van je.")));
    MvcResult page = mvc.perform(post(PAGE).with(csrf()).with(employee()).param("dag", "maandag")
            .param("email", "true"))
        .andExpect(status().isUnprocessableEntity())
        .andReturn();
    assertThat(this.<FormState>attr(page).errors()).containsEntry("email", "reminders.error.no-address");
    assertThat(reminders.settings(people.asEmployee(), people.caseId()).version()).isZero();
    assertThat(consents.given(people.employee())).isFalse();
  }

  @Test
  void theApiSetsTheSameChoiceAndAnswersConflictsAndMissingAddressesAsProblems() throws Exception {
    mvc.perform(put("/api/reminders").with(csrf()).with(employee()).contentType(MediaType.APPLICATION_JSON)
            .content("{\"checkInDay\":\"TUESDAY\",\"waitingSteps\":true,\"byEmail\":false,\"version\":0}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.checkInDay").value("TUESDAY"))
        .andExpect(jsonPath("$.version").value(1));
    mvc.perform(put("/api/reminders").with(csrf()).with(employee()).contentType(MediaType.APPLICATION_JSON)
            .content("{\"checkInDay\":null,\"waitingSteps\":false,\"byEmail\":false,\"version\":0}"))
        .andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    mvc.perform(put("/api/reminders").with(csrf()).with(employee()).contentType(MediaType.APPLICATION_JSON)
            .content("{\"checkInDay\":\"FRIDAYS\",\"waitingSteps\":false,\"byEmail\":false,\"version\":1}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    jdbc.update("update act_id_user set email_ = null where id_ = ?", people.employee());
    mvc.perform(put("/api/reminders").with(csrf()).with(employee()).contentType(MediaType.APPLICATION_JSON)
            .content("{\"checkInDay\":null,\"waitingSteps\":false,\"byEmail\":true,\"version\":1}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("byEmail"))
        .andExpect(jsonPath("$.errors[0].message").value(containsString("geen e-mailadres")));
    mvc.perform(get("/api/reminders").with(employee()))
        .andExpect(jsonPath("$.checkInDay").value("TUESDAY"))
        .andExpect(jsonPath("$.byEmail").value(false));
  }

  @Test
  void nobodyButTheEmployeeSeesOrSetsTheirRemindersAndEachRefusalIsRecorded() throws Exception {
    for (RequestPostProcessor other : List.of(as(people.counsellor(), Groups.COUNSELLOR),
        as(people.doctor(), Groups.COMPANY_DOCTOR), as(people.lineManager(), Groups.LINE_MANAGER),
        as(people.management(), Groups.MANAGEMENT))) {
      mvc.perform(get(PAGE).with(other)).andExpect(status().isForbidden());
      mvc.perform(post(PAGE).with(csrf()).with(other).param("dag", "maandag")).andExpect(status().isForbidden());
      mvc.perform(get("/api/reminders").with(other)).andExpect(status().isForbidden());
    }
    assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'REFUSED' and actor_user_id in"
            + " (?, ?, ?, ?) and what like '%reminder settings%'", Integer.class, people.counsellor(),
        people.doctor(), people.lineManager(), people.management())).isEqualTo(12);
    assertThat(reminders.settings(people.asEmployee(), people.caseId()).version()).isZero();
  }

  private <T> T attr(MvcResult page) {
    return attribute(page, "form");
  }

  private RequestPostProcessor employee() {
    return as(people.employee(), Groups.EMPLOYEE);
  }
}

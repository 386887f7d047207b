package nl.bluevitaal.casefile.web;

import static nl.bluevitaal.support.Pages.containsPattern;
import static nl.bluevitaal.support.Pages.signedInAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import nl.bluevitaal.casefile.CaseRegistry;
import nl.bluevitaal.casefile.Employee;
import nl.bluevitaal.casefile.NewEmployee;
import nl.bluevitaal.casefile.Phase;
import nl.bluevitaal.casefile.SickReport;
import nl.bluevitaal.identity.Accounts;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.journey.JourneyTasks;
import nl.bluevitaal.journey.OpenStep;
import nl.bluevitaal.journey.ReintegrationJourneyProcess.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The pages of the counsellor and the company doctor on the whole application (H2, no demo data): every list and
 * page goes through the access policy, the step forms drive the real journey, and a stale edit is refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
    "spring.datasource.url=jdbc:h2:mem:workspace-pages;DB_CLOSE_DELAY=-1",
    "bluevitaal.demo.enabled=false",
    "camunda.bpm.job-execution.enabled=false"})
@AutoConfigureMockMvc
class CaseworkerPagesTest {

  private static final AtomicInteger RUN = new AtomicInteger();

  @Autowired
  MockMvc mvc;
  @Autowired
  Accounts accounts;
  @Autowired
  CaseRegistry registry;
  @Autowired
  JourneyTasks tasks;

  String counsellor;
  String otherCounsellor;
  String doctor;
  String ownName;
  String otherName;
  UUID ownCase;
  UUID otherCase;

  @BeforeEach
  void twoCasesOfTwoCounsellors() {
    int n = RUN.incrementAndGet();
    String tag = UUID.randomUUID().toString().substring(0, 6);
    counsellor = user("wsc" + n + tag, Groups.COUNSELLOR);
    otherCounsellor = user("wsoc" + n + tag, Groups.COUNSELLOR);
    doctor = user("wsd" + n + tag, Groups.COMPANY_DOCTOR);
    ownName = "Anemoon Zoekbaar" + n + tag;
    otherName = "Berk Verborgen" + n + tag;
    ownCase = sickCase(ownName, "WS-" + n + "-" + tag, counsellor);
    otherCase = sickCase(otherName, "WSO-" + n + "-" + tag, otherCounsellor);
  }

  @Test
  void theCaseloadShowsOnlyTheCallersOwnCases() throws Exception {
    mvc.perform(get("/begeleiding/caseload").with(as(counsellor, Groups.COUNSELLOR)))
        .andExpect(status().isOk())
        .andExpect(content().string(allOf(
            containsString("<html lang=\"nl\""),
            containsString("<h1 class=\"utrecht-heading-1\">Mijn caseload</h1>"),
            containsString("1 lopend dossier"),
            containsString(ownName),
            containsString("href=\"/dossiers/" + ownCase + "\""),
            containsString("<th scope=\"col\""),
            containsPattern("<caption id=\"caseload-caption\"[^>]*>\\s*Lopende dossiers"),
            containsString(">Intake</td>"),
            containsString(">Probleemanalyse (week 6)</span>"),
            not(containsString(otherName)),
            not(containsString(otherCase.toString())))));
  }

  @Test
  void theCompanyDoctorSeesEveryCaseTheyAreDoctorOfOnTheirOwnAddress() throws Exception {
    mvc.perform(get("/bedrijfsarts/caseload").with(as(doctor, Groups.COMPANY_DOCTOR)))
        .andExpect(status().isOk())
        .andExpect(content().string(allOf(
            containsString("Mijn caseload als bedrijfsarts"), containsString(ownName), containsString(otherName))));
    mvc.perform(get("/begeleiding/caseload").with(as(doctor, Groups.COMPANY_DOCTOR)))
        .andExpect(status().isForbidden());
  }

  @Test
  void searchAndFiltersNarrowTheCaseloadOnTheServer() throws Exception {
    String part = ownName.substring("Anemoon ".length()).toLowerCase();
    mvc.perform(get("/bedrijfsarts/caseload").param("q", part).with(as(doctor, Groups.COMPANY_DOCTOR)))
        .andExpect(content().string(allOf(containsString(ownName), not(containsString(otherName)),
            containsString("1 dossier gevonden"), containsString("value=\"" + part + "\""))));
    mvc.perform(get("/begeleiding/caseload").param("q", otherName).with(as(counsellor, Groups.COUNSELLOR)))
        .andExpect(content().string(allOf(not(containsString("/dossiers/" + otherCase)),
            containsString("Geen dossiers gevonden"))));
    mvc.perform(get("/begeleiding/caseload").param("fase", "INTAKE").with(as(counsellor, Groups.COUNSELLOR)))
        .andExpect(content().string(allOf(containsString(ownName),
            containsPattern("<option value=\"INTAKE\" selected=\"selected\">Intake</option>"))));
    mvc.perform(get("/begeleiding/caseload").param("fase", "SPOOR_2").with(as(counsellor, Groups.COUNSELLOR)))
        .andExpect(content().string(not(containsString(ownName))));
    mvc.perform(get("/begeleiding/caseload").param("telaat", "ja").with(as(counsellor, Groups.COUNSELLOR)))
        .andExpect(content().string(allOf(not(containsString(ownName)), containsString("checked=\"checked\""))));
  }

  @Test
  void htmxGetsOnlyTheResults() throws Exception {
    mvc.perform(get("/begeleiding/caseload").param("q", ownName).header("HX-Request", "true")
            .with(as(counsellor, Groups.COUNSELLOR)))
        .andExpect(status().isOk())
        .andExpect(content().string(allOf(
            containsString("id=\"caseload-results\""), containsString(ownName),
            not(containsString("<html")), not(containsString("<h1")))));
  }

  @Test
  void theTasklistLinksToTheStepFormWithItsDueDate() throws Exception {
    OpenStep intake = intakeOf(ownCase);
    mvc.perform(get("/taken").with(as(counsellor, Groups.COUNSELLOR)))
        .andExpect(status().isOk())
        .andExpect(content().string(allOf(
            containsString("<h1 class=\"utrecht-heading-1\">Mijn taken</h1>"),
            containsString("href=\"/taken/" + ownCase + "/" + intake.taskId() + "\""),
            containsString(">Intakegesprek voeren</a>"),
            containsString(ownName),
            not(containsString(otherName)))));
  }

  @Test
  void aWrongAnswerComesBackWithTheMessageBesideTheFieldAndWhatWasTyped() throws Exception {
    OpenStep intake = intakeOf(ownCase);
    String form = "/taken/" + ownCase + "/" + intake.taskId();
    mvc.perform(get(form).with(as(counsellor, Groups.COUNSELLOR)))
        .andExpect(status().isOk())
        .andExpect(content().string(allOf(
            containsString("Is er sprake van een arbeidsconflict?"),
            containsString("<label class=\"utrecht-form-label\" for=\"veld-expectedAbsenceWeeks\">"),
            containsString("type=\"hidden\" name=\"_csrf\""))));

    mvc.perform(post(form).with(csrf()).with(as(counsellor, Groups.COUNSELLOR))
            .param("workConflict", "true").param("expectedAbsenceWeeks", "twaalf"))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(content().string(allOf(
            containsString("<title>Fout: Intakegesprek voeren"),
            containsString("id=\"error-summary\""),
            containsString("href=\"#veld-expectedAbsenceWeeks\""),
            containsString("id=\"veld-expectedAbsenceWeeks-fout\""),
            containsString("Vul een heel aantal weken in, van 0 tot en met 104."),
            containsString("value=\"twaalf\""),
            containsString("aria-invalid=\"true\""),
            containsString("aria-describedby=\"veld-expectedAbsenceWeeks-fout veld-expectedAbsenceWeeks-hint\""),
            containsPattern("id=\"veld-workConflict-ja\"\\s+name=\"workConflict\" value=\"true\" checked=\"checked\""))));
    assertThat(registry.get(ownCase).phase()).isEqualTo(Phase.INTAKE);
  }

  @Test
  void completingTheIntakeMovesTheCaseToTheProblemAnalysis() throws Exception {
    OpenStep intake = intakeOf(ownCase);
    mvc.perform(post("/taken/" + ownCase + "/" + intake.taskId()).with(csrf()).with(as(counsellor, Groups.COUNSELLOR))
            .param("workConflict", "false").param("expectedAbsenceWeeks", "3"))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/taken"))
        .andExpect(flash().attribute("completedStep", Element.TASK_INTAKE));
    tasks.catchUp(ownCase);
    assertThat(registry.get(ownCase).phase()).isEqualTo(Phase.PROBLEM_ANALYSIS);
    assertThat(tasks.openSteps(ownCase)).noneMatch(s -> s.taskId().equals(intake.taskId()));
  }

  @Test
  void aSecondSubmitOfADoneStepShowsTheTasklistWithANoticeAndChangesNothing() throws Exception {
    OpenStep intake = intakeOf(ownCase);
    String form = "/taken/" + ownCase + "/" + intake.taskId();
    mvc.perform(post(form).with(csrf()).with(as(counsellor, Groups.COUNSELLOR))
            .param("workConflict", "false").param("expectedAbsenceWeeks", "3"))
        .andExpect(flash().attribute("completedStep", Element.TASK_INTAKE));
    tasks.catchUp(ownCase);
    int version = registry.get(ownCase).version();

    // The back button, then the form again: the step is done, so the list of what is open now, with a notice.
    mvc.perform(get(form).with(as(counsellor, Groups.COUNSELLOR)))
        .andExpect(redirectedUrl("/taken"))
        .andExpect(flash().attribute("notice", "tasklist.step-gone"));
    mvc.perform(post(form).with(csrf()).with(as(counsellor, Groups.COUNSELLOR))
            .param("workConflict", "true").param("expectedAbsenceWeeks", "9"))
        .andExpect(redirectedUrl("/taken"))
        .andExpect(flash().attribute("notice", "tasklist.step-gone"));

    assertThat(registry.get(ownCase).version()).isEqualTo(version);
    assertThat(registry.get(ownCase).phase()).isEqualTo(Phase.PROBLEM_ANALYSIS);
    // Someone for whom it never was a step still finds nothing there.
    mvc.perform(post(form).with(csrf()).with(as(otherCounsellor, Groups.COUNSELLOR))
            .param("workConflict", "false").param("expectedAbsenceWeeks", "3"))
        .andExpect(status().isNotFound());
  }

  @Test
  void aCounsellorTakesAStepAndGivesItBack() throws Exception {
    OpenStep intake = intakeOf(ownCase);
    mvc.perform(get("/taken").with(as(counsellor, Groups.COUNSELLOR)))
        .andExpect(content().string(containsString("/taken/" + ownCase + "/" + intake.taskId() + "/oppakken")));

    mvc.perform(post("/taken/" + ownCase + "/" + intake.taskId() + "/oppakken").with(csrf())
            .with(as(counsellor, Groups.COUNSELLOR)))
        .andExpect(redirectedUrl("/taken"))
        .andExpect(flash().attribute("notice", "tasklist.claimed"));
    assertThat(intakeOf(ownCase).assignee()).isEqualTo(counsellor);
    mvc.perform(get("/taken").with(as(counsellor, Groups.COUNSELLOR)))
        .andExpect(content().string(containsString("/taken/" + ownCase + "/" + intake.taskId() + "/teruggeven")));
    // Someone else cannot give it back, nor take it.
    mvc.perform(post("/taken/" + ownCase + "/" + intake.taskId() + "/teruggeven").with(csrf())
            .with(as(otherCounsellor, Groups.COUNSELLOR)))
        .andExpect(status().isNotFound());

    mvc.perform(post("/taken/" + ownCase + "/" + intake.taskId() + "/teruggeven").with(csrf())
            .with(as(counsellor, Groups.COUNSELLOR)))
        .andExpect(flash().attribute("notice", "tasklist.unclaimed"));
    assertThat(intakeOf(ownCase).assignee()).isNull();
  }

  @Test
  void aCaseOrStepOfSomeoneElseDoesNotExist() throws Exception {
    OpenStep othersIntake = intakeOf(otherCase);
    mvc.perform(get("/dossiers/" + otherCase).with(as(counsellor, Groups.COUNSELLOR)))
        .andExpect(status().isNotFound());
    mvc.perform(get("/dossiers/" + UUID.randomUUID()).with(as(counsellor, Groups.COUNSELLOR)))
        .andExpect(status().isNotFound());
    mvc.perform(get("/dossiers/geen-id").with(as(counsellor, Groups.COUNSELLOR)))
        .andExpect(status().isNotFound());
    mvc.perform(get("/taken/" + otherCase + "/" + othersIntake.taskId()).with(as(counsellor, Groups.COUNSELLOR)))
        .andExpect(status().isNotFound());
    mvc.perform(post("/taken/" + otherCase + "/" + othersIntake.taskId()).with(csrf())
            .with(as(counsellor, Groups.COUNSELLOR)).param("workConflict", "false").param("expectedAbsenceWeeks", "1"))
        .andExpect(status().isNotFound());
    mvc.perform(post("/dossiers/" + otherCase + "/gedeeltelijk-herstel").with(csrf())
            .with(as(counsellor, Groups.COUNSELLOR)).param("percentage", "50")
            .param("versie", String.valueOf(registry.get(otherCase).version())))
        .andExpect(status().isNotFound());
    assertThat(registry.get(otherCase).workCapacityPct()).isZero();
  }

  @Test
  void theCasePageShowsTheTimelineDeadlinesAndTheCounsellorsActions() throws Exception {
    mvc.perform(get("/dossiers/" + ownCase).with(as(counsellor, Groups.COUNSELLOR)))
        .andExpect(status().isOk())
        .andExpect(content().string(allOf(
            containsString("<h1 class=\"utrecht-heading-1\">Dossier van " + ownName + "</h1>"),
            containsString("Week 1 van 104"),
            containsPattern("<progress class=\"bv-timeline__bar\" max=\"104\" value=\"1\""),
            containsString("Wettelijke termijnen"),
            containsString("Probleemanalyse (week 6)"),
            containsString("Einde loondoorbetaling (week 104)"),
            containsString("Komt nog"),
            containsString(">Intakegesprek voeren</a>"),
            containsString("action=\"/dossiers/" + ownCase + "/loondoorbetaling\""),
            containsString("name=\"versie\" value=\"" + registry.get(ownCase).version() + "\""))));
    // The doctor reads the case but does not record administrative events.
    mvc.perform(get("/dossiers/" + ownCase).with(as(doctor, Groups.COMPANY_DOCTOR)))
        .andExpect(status().isOk())
        .andExpect(content().string(allOf(containsString(ownName),
            not(containsString("/loondoorbetaling\"")), containsString("Medische aantekeningen"))));
    mvc.perform(post("/dossiers/" + ownCase + "/loondoorbetaling").with(csrf()).with(as(doctor, Groups.COMPANY_DOCTOR))
            .param("vrijwillig", "4").param("sanctie", "0").param("versie", "0"))
        .andExpect(status().isForbidden());
  }

  @Test
  void aStaleExtensionIsRefusedWithTheConflictMessageAndKeepsTheInput() throws Exception {
    int read = registry.get(ownCase).version();
    mvc.perform(post("/dossiers/" + ownCase + "/gedeeltelijk-herstel").with(csrf())
            .with(as(counsellor, Groups.COUNSELLOR)).param("percentage", "40").param("versie", String.valueOf(read)))
        .andExpect(status().is3xxRedirection())
        .andExpect(flash().attribute("caseNotice", "case.partial.done"));
    assertThat(registry.get(ownCase).workCapacityPct()).isEqualTo(40);
    // A second counsellor's form, read before that change, does not overwrite it.
    mvc.perform(post("/dossiers/" + ownCase + "/gedeeltelijk-herstel").with(csrf())
            .with(as(counsellor, Groups.COUNSELLOR)).param("percentage", "70").param("versie", String.valueOf(read)))
        .andExpect(status().isConflict())
        .andExpect(content().string(allOf(
            containsString("Iemand anders heeft dit dossier gewijzigd terwijl jij dit formulier invulde."),
            containsString("value=\"70\""))));
    assertThat(registry.get(ownCase).workCapacityPct()).isEqualTo(40);

    mvc.perform(post("/dossiers/" + ownCase + "/loondoorbetaling").with(csrf()).with(as(counsellor, Groups.COUNSELLOR))
            .param("vrijwillig", "6").param("sanctie", "3").param("versie", String.valueOf(read)))
        .andExpect(status().isConflict())
        .andExpect(content().string(allOf(
            containsString("Iemand anders heeft dit dossier gewijzigd terwijl jij dit formulier invulde."),
            containsPattern("id=\"extension-vrijwillig\"\\s+name=\"vrijwillig\"\\s+value=\"6\""),
            containsPattern("id=\"extension-sanctie\"\\s+name=\"sanctie\"\\s+value=\"3\""),
            containsString("name=\"versie\" value=\"" + registry.get(ownCase).version() + "\""))));

    mvc.perform(post("/dossiers/" + ownCase + "/loondoorbetaling").with(csrf()).with(as(counsellor, Groups.COUNSELLOR))
            .param("vrijwillig", "6").param("sanctie", "3")
            .param("versie", String.valueOf(registry.get(ownCase).version())))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/dossiers/" + ownCase));
  }

  @Test
  void aWrongNumberOfWeeksIsNamedBesideTheField() throws Exception {
    mvc.perform(post("/dossiers/" + ownCase + "/loondoorbetaling").with(csrf()).with(as(counsellor, Groups.COUNSELLOR))
            .param("vrijwillig", "60").param("sanctie", "").param("versie",
                String.valueOf(registry.get(ownCase).version())))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(content().string(allOf(
            containsString("href=\"#extension-vrijwillig\""),
            containsString("id=\"extension-vrijwillig-error\""),
            containsString("Vul een heel aantal weken in, van 0 tot en met 52."),
            containsString("value=\"60\""))));
  }

  @Test
  void thePagesSpeakEnglishWhenAsked() throws Exception {
    mvc.perform(get("/begeleiding/caseload").param("lang", "en").with(as(counsellor, Groups.COUNSELLOR)))
        .andExpect(content().string(allOf(containsString("<html lang=\"en\""), containsString("My caseload"),
            containsString("Problem analysis (week 6)"))));
    mvc.perform(get("/dossiers/" + ownCase).param("lang", "en").with(as(counsellor, Groups.COUNSELLOR)))
        .andExpect(content().string(allOf(containsString("<html lang=\"en\""), containsString("Legal deadlines"),
            containsString("Week 1 of 104"))));
    mvc.perform(get("/taken/" + ownCase + "/" + intakeOf(ownCase).taskId()).param("lang", "en")
            .with(as(counsellor, Groups.COUNSELLOR)))
        .andExpect(content().string(allOf(containsString("<html lang=\"en\""),
            containsString("Hold the intake conversation"), containsString("Is there a conflict at work?"))));
  }

  @Test
  void theHomePageCountsTheCounsellorsWork() throws Exception {
    mvc.perform(get("/").with(as(counsellor, Groups.COUNSELLOR)))
        .andExpect(content().string(allOf(
            containsString("href=\"/begeleiding/caseload\""),
            containsString("href=\"/taken\""),
            containsString("1 lopend dossier, geen met een verlopen termijn."),
            containsString("Er wacht 1 stap op jou."))));
  }

  private OpenStep intakeOf(UUID caseId) {
    List<OpenStep> steps = tasks.openSteps(caseId);
    return steps.stream().filter(s -> s.stepKey().equals(Element.TASK_INTAKE)).findFirst().orElseThrow();
  }

  private RequestPostProcessor as(String userId, String group) {
    return signedInAs(userId, userId, group);
  }

  private String user(String id, String group) {
    accounts.ensureUser(id, "Test", id, id + "@example.org", "pw-ws", List.of(group));
    return id;
  }

  private UUID sickCase(String name, String personnelNumber, String counsellorId) {
    Employee employee = registry.registerEmployee(new NewEmployee(personnelNumber, name, null, "Eenheid Test",
        "Team Test", null));
    return registry.reportSick(new SickReport(employee.id(), LocalDate.now().minusDays(2), counsellorId, doctor));
  }
}

package nl.bluevitaal.modeling;

import static nl.bluevitaal.support.Pages.as;
import static nl.bluevitaal.support.Pages.attribute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.journey.CaseMigrations.MigrationPlanView;
import nl.bluevitaal.journey.CaseMigrations.ProblemKind;
import nl.bluevitaal.journey.CaseMigrations.ProcessVersion;
import nl.bluevitaal.journey.CaseMigrations;
import nl.bluevitaal.journey.JourneyTasks;
import nl.bluevitaal.journey.MigrationTestModels.Deployed;
import nl.bluevitaal.journey.MigrationTestModels;
import nl.bluevitaal.journey.ReintegrationJourneyProcess.Element;
import nl.bluevitaal.journey.ReintegrationJourneyProcess;
import nl.bluevitaal.support.ApplicationTest;
import nl.bluevitaal.support.CaseFixtures.People;
import nl.bluevitaal.support.CaseFixtures;
import nl.bluevitaal.web.FormState;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The migration page ({@code /modellen/migratie}) step by step for a process owner: versions with counts, the
 * generated mapping and the engine's verdict, a dry run per case, the run with a result per case, the failed ones
 * tried again with a mapping added, and the way back. Everyone else is refused (403, audited). Case ids and counts
 * only: no name of an employee anywhere.
 */
@ApplicationTest
class MigrationPageTest {

  private static final String PATH = "/modellen/migratie";
  private static final String KEY = ReintegrationJourneyProcess.PROCESS_KEY;

  @Autowired
  MockMvc mvc;
  @Autowired
  CaseFixtures fixtures;
  @Autowired
  CaseMigrations migrations;
  @Autowired
  RepositoryService repositoryService;
  @Autowired
  JourneyTasks tasks;
  @Autowired
  JdbcTemplate jdbc;

  People people;
  MigrationTestModels models;

  @BeforeEach
  void aCase() {
    people = fixtures.people("mp");
    models = new MigrationTestModels(repositoryService, migrations);
  }

  @AfterEach
  void realModelsAreLatestAgain() {
    models.removeAll();
  }

  @Test
  void everyoneButAProcessOwnerIsRefusedAndTheRefusalIsAudited() throws Exception {
    List<String[]> others = List.of(new String[] {people.employee(), Groups.EMPLOYEE},
        new String[] {people.counsellor(), Groups.COUNSELLOR}, new String[] {people.management(), Groups.MANAGEMENT},
        new String[] {people.lineManager(), Groups.LINE_MANAGER}, new String[] {people.administrator(),
            Groups.ADMINISTRATOR});
    for (String[] other : others) {
      mvc.perform(get(PATH).with(as(other[0], other[1]))).andExpect(status().isForbidden());
      mvc.perform(post(PATH + "/uitvoeren").param("proces", KEY).param("van", "1").param("naar", "2")
          .with(as(other[0], other[1])).with(csrf())).andExpect(status().isForbidden());
      mvc.perform(post(PATH + "/proefrun").param("proces", KEY).param("van", "1").param("naar", "2")
          .with(as(other[0], other[1])).with(csrf())).andExpect(status().isForbidden());
      mvc.perform(post(PATH + "/koppeling").param("proces", KEY).param("van", "1").param("naar", "2")
          .with(as(other[0], other[1])).with(csrf())).andExpect(status().isForbidden());
      mvc.perform(get(PATH + "/uitvoeringen/" + UUID.randomUUID()).with(as(other[0], other[1])))
          .andExpect(status().isForbidden());
      assertThat(jdbc.queryForObject("select count(*) from audit_event where actor_user_id = ? and action = 'REFUSED'",
          Integer.class, other[0])).as(other[0]).isGreaterThanOrEqualTo(5);
    }
  }

  @Test
  void theProcessOwnerSeesEveryVersionWithItsRunningCasesAndNoCaseContent() throws Exception {
    MvcResult page = mvc.perform(get(PATH).with(as(people.processOwner(), Groups.PROCESS_OWNER)))
        .andExpect(status().isOk()).andExpect(view().name("modeling/migration"))
        .andExpect(content().string(containsString("Lopende zaken verplaatsen")))
        .andExpect(content().string(not(containsString(people.employeeName())))).andReturn();

    List<ProcessVersion> versions = attribute(page, "versions");
    assertThat(versions).isNotEmpty().allSatisfy(v -> assertThat(v.processKey()).isEqualTo(KEY));
    assertThat(versions.get(0).runningInstances()).isPositive();
    assertThat((Object) attribute(page, "plan")).isNull();

    MvcResult watches = mvc.perform(get(PATH).param("proces", ReintegrationJourneyProcess.WATCH_PROCESS_KEY)
        .with(as(people.processOwner(), Groups.PROCESS_OWNER))).andExpect(status().isOk()).andReturn();
    assertThat((List<ProcessVersion>) attribute(watches, "versions"))
        .allSatisfy(v -> assertThat(v.processKey()).isEqualTo(ReintegrationJourneyProcess.WATCH_PROCESS_KEY));
  }

  @Test
  void versionsThatAreNotThereOrTheSameAreRefusedBesideTheirField() throws Exception {
    int latest = models.latest(KEY);
    MvcResult same = mvc.perform(get(PATH).param("proces", KEY).param("van", "" + latest)
            .param("naar", "" + latest).with(as(people.processOwner(), Groups.PROCESS_OWNER)))
        .andExpect(status().isOk()).andExpect(view().name("modeling/migration"))
        .andExpect(content().string(containsString("Kies een andere versie dan de versie waarvan u verplaatst.")))
        .andReturn();
    assertThat(((FormState) attribute(same, "form")).errors()).containsEntry("naar",
        "modeling.migration.error.sameVersion");
    assertThat((Object) attribute(same, "plan")).isNull();

    MvcResult missing = mvc.perform(get(PATH).param("proces", KEY).param("van", "999").param("naar", "" + latest)
        .with(as(people.processOwner(), Groups.PROCESS_OWNER))).andExpect(status().isOk()).andReturn();
    assertThat(((FormState) attribute(missing, "form")).errors()).containsEntry("van",
        "modeling.migration.error.noVersion");
    assertThat(((FormState) attribute(missing, "form")).value("van")).isEqualTo("999");

    MvcResult letters = mvc.perform(get(PATH).param("proces", "Onbekend").param("van", "een").param("naar", "2")
        .with(as(people.processOwner(), Groups.PROCESS_OWNER))).andExpect(status().isOk()).andReturn();
    assertThat(((FormState) attribute(letters, "form")).errors()).containsKeys("proces", "van");
  }

  @Test
  void aRenamedStepIsMappedDryRunMovedAndMovedBack() throws Exception {
    int v1 = models.latest(KEY);
    Deployed v2 = models.deploy(KEY, MigrationTestModels.rename("Intakegesprek voeren", "Intakegesprek houden"));
    String owner = people.processOwner();

    MvcResult planned = mvc.perform(get(PATH).param("proces", KEY).param("van", "" + v1)
            .param("naar", "" + v2.version()).with(as(owner, Groups.PROCESS_OWNER)))
        .andExpect(status().isOk()).andExpect(content().string(containsString("De engine keurt deze koppeling goed.")))
        .andReturn();
    MigrationPlanView plan = attribute(planned, "plan");
    assertThat(plan.valid()).isTrue();
    assertThat(plan.mappings()).anySatisfy(m -> assertThat(m.target().name()).isEqualTo("Intakegesprek houden"));

    // The dry run goes on in the background, as a run of its own that the page follows.
    MvcResult dryRun = mvc.perform(post(PATH + "/proefrun").param("proces", KEY).param("van", "" + v1)
            .param("naar", "" + v2.version()).with(as(owner, Groups.PROCESS_OWNER)).with(csrf()))
        .andExpect(status().is3xxRedirection()).andReturn();
    String dryRunPath = dryRun.getResponse().getRedirectedUrl();
    assertThat(dryRunPath).startsWith(PATH + "/uitvoeringen/");
    MigrationRun tried = awaitEnd(dryRunPath, owner);
    assertThat(tried.dryRun()).isTrue();
    assertThat(tried.status()).isEqualTo(MigrationRun.Status.DONE);
    assertThat(tried.results()).hasSize(tried.planned())
        .filteredOn(r -> r.caseId().equals(people.caseId().toString())).singleElement()
        .satisfies(r -> assertThat(r.succeeded()).isTrue());
    assertThat(tried.moves()).anySatisfy(c -> {
      assertThat(c.from()).isEqualTo(Element.TASK_INTAKE);
      assertThat(c.to()).isEqualTo(Element.TASK_INTAKE);
      assertThat(c.cases()).isPositive();
    });
    assertThat(tried.moves()).as("cases, not activity instances")
        .allSatisfy(c -> assertThat(c.cases()).isLessThanOrEqualTo(tried.planned()));
    MvcResult dryRunPage = mvc.perform(get(dryRunPath).with(as(owner, Groups.PROCESS_OWNER)))
        .andExpect(status().isOk()).andExpect(view().name("modeling/migration-run"))
        .andExpect(content().string(containsString("Proefrun van lopende zaken")))
        .andExpect(content().string(containsString(tried.planned() + " zaken bekeken, " + tried.failed()
            + " zouden mislukken. Er is niets verplaatst.")))
        .andExpect(content().string(not(containsString(people.employeeName())))).andReturn();
    // Where a case waits is case state: the page counts the cases per step and names no step beside a case.
    String html = dryRunPage.getResponse().getContentAsString();
    assertThat(html).contains("Intakegesprek voeren (Task_Intake) gaat naar Intakegesprek houden (Task_Intake): ");
    String caseRow = html.substring(html.indexOf(people.caseId().toString()));
    assertThat(caseRow.substring(0, caseRow.indexOf("</tr>"))).doesNotContain("Task_").contains("slaagt");
    assertThat(intakeName(people.caseId())).as("a dry run moves nothing").isEqualTo("Intakegesprek voeren");
    // From the dry run the move starts with the same mapping; there is nothing to undo or to try again.
    assertThat(html).contains("action=\"/modellen/migratie/uitvoeren\"").contains("Zaken verplaatsen")
        .doesNotContain("id=\"terug-kop\"").doesNotContain("id=\"opnieuw-kop\"");
    mvc.perform(post(dryRunPath + "/opnieuw").with(as(owner, Groups.PROCESS_OWNER)).with(csrf()))
        .andExpect(status().isNotFound());
    mvc.perform(get(PATH).with(as(owner, Groups.PROCESS_OWNER)))
        .andExpect(content().string(containsString(": proefrun van versie " + v1 + " naar " + v2.version())));

    MvcResult executed = mvc.perform(post(PATH + "/uitvoeren").param("proces", KEY).param("van", "" + v1)
            .param("naar", "" + v2.version()).with(as(owner, Groups.PROCESS_OWNER)).with(csrf()))
        .andExpect(status().is3xxRedirection()).andReturn();
    String runPath = executed.getResponse().getRedirectedUrl();
    assertThat(runPath).startsWith(PATH + "/uitvoeringen/");
    awaitEnd(runPath, owner);
    assertThat(intakeName(people.caseId())).isEqualTo("Intakegesprek houden");

    MvcResult runPage = mvc.perform(get(runPath).with(as(owner, Groups.PROCESS_OWNER)))
        .andExpect(status().isOk()).andExpect(view().name("modeling/migration-run"))
        .andExpect(content().string(containsString("Terug naar versie " + v1)))
        .andExpect(content().string(not(containsString(people.employeeName())))).andReturn();
    MigrationRun run = attribute(runPage, "run");
    assertThat(run.startedBy()).isEqualTo(owner);
    assertThat(run.results()).filteredOn(r -> r.caseId().equals(people.caseId().toString())).singleElement()
        .satisfies(r -> assertThat(r.succeeded()).isTrue());
    assertThat(run.status()).isEqualTo(MigrationRun.Status.DONE);
    assertThat(run.planned()).isEqualTo(run.succeeded() + run.failed());
    // The dry run's start and end, the run's start and its end.
    assertThat(jdbc.queryForObject("select count(*) from audit_event where actor_user_id = ? and action = 'WRITE'"
        + " and what like 'case migration%'", Integer.class, owner)).isEqualTo(4);

    MvcResult back = mvc.perform(post(PATH + "/uitvoeren").param("proces", KEY).param("van", "" + v2.version())
            .param("naar", "" + v1).with(as(owner, Groups.PROCESS_OWNER)).with(csrf()))
        .andExpect(status().is3xxRedirection()).andReturn();
    awaitEnd(back.getResponse().getRedirectedUrl(), owner);
    assertThat(intakeName(people.caseId())).as("migrating back is the undo").isEqualTo("Intakegesprek voeren");
  }

  @Test
  void aCaseAtAnUnmappedActivityFailsWithADutchReasonAndIsRetriedWithTheMappingAdded() throws Exception {
    int v1 = models.latest(KEY);
    String newId = "Task_IntakeInterview";
    Deployed v2 = models.deploy(KEY, MigrationTestModels.newId(Element.TASK_INTAKE, newId),
        java.util.Map.of(newId, Element.TASK_INTAKE));
    String owner = people.processOwner();

    mvc.perform(get(PATH).param("proces", KEY).param("van", "" + v1).param("naar", "" + v2.version())
            .with(as(owner, Groups.PROCESS_OWNER)))
        .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"koppeling-Task_Intake\"")));

    // Validating a chosen mapping again goes to its own address, which carries the mapping and no CSRF token.
    mvc.perform(post(PATH + "/koppeling").param("proces", KEY).param("van", "" + v1).param("naar", "" + v2.version())
            .param("koppeling", Element.TASK_INTAKE + ">" + newId).param("_csrf", "token-in-the-form")
            .with(as(owner, Groups.PROCESS_OWNER)).with(csrf()))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl(PATH + "?proces=" + KEY + "&van=" + v1 + "&naar=" + v2.version() + "&koppeling="
            + Element.TASK_INTAKE + "%3E" + newId));
    mvc.perform(get(PATH).param("proces", KEY).param("van", "" + v1).param("naar", "" + v2.version())
            .param("koppeling", Element.TASK_INTAKE + ">" + newId).with(as(owner, Groups.PROCESS_OWNER)))
        .andExpect(status().isOk()).andExpect(content().string(containsString("De engine keurt deze koppeling goed.")))
        // The own mapping still says how many cases wait where it starts (this test's case among them).
        .andExpect(content().string(org.hamcrest.Matchers.matchesPattern(
            "(?s).*Intakegesprek voeren \\(Task_Intake\\), [1-9][0-9]* zaken staan hier.*")));

    MvcResult refused = mvc.perform(post(PATH + "/uitvoeren").param("proces", KEY).param("van", "" + v1)
            .param("naar", "" + v2.version()).param("koppeling", Element.TASK_INTAKE + ">" + Element.TIMER_FINAL_STAGE)
            .with(as(owner, Groups.PROCESS_OWNER)).with(csrf()))
        .andExpect(status().isOk()).andExpect(view().name("modeling/migration"))
        .andExpect(content().string(containsString("De engine keurt deze koppeling af"))).andReturn();
    assertThat(((FormState) attribute(refused, "form")).formError()).isEqualTo("modeling.migration.error.planInvalid");
    assertThat(((MigrationPlanView) attribute(refused, "plan")).problems())
        .anySatisfy(p -> assertThat(p.sourceActivityId()).isEqualTo(Element.TASK_INTAKE));

    // The dry run says which cases would fail and why, and offers to change the mapping.
    MvcResult dryRun = mvc.perform(post(PATH + "/proefrun").param("proces", KEY).param("van", "" + v1)
            .param("naar", "" + v2.version()).with(as(owner, Groups.PROCESS_OWNER)).with(csrf()))
        .andExpect(status().is3xxRedirection()).andReturn();
    MigrationRun tried = awaitEnd(dryRun.getResponse().getRedirectedUrl(), owner);
    assertThat(tried.results()).filteredOn(r -> r.caseId().equals(people.caseId().toString())).singleElement()
        .satisfies(r -> {
          assertThat(r.succeeded()).isFalse();
          assertThat(r.problem()).isEqualTo(ProblemKind.NOT_MAPPED);
        });
    assertThat(tried.problems()).anySatisfy(c -> {
      assertThat(c.problem()).isEqualTo(ProblemKind.NOT_MAPPED);
      assertThat(c.from()).isEqualTo(Element.TASK_INTAKE);
      assertThat(c.cases()).isPositive().isLessThanOrEqualTo(tried.failed());
    });
    mvc.perform(get(dryRun.getResponse().getRedirectedUrl()).with(as(owner, Groups.PROCESS_OWNER)))
        .andExpect(status().isOk())
        .andExpect(content().string(
            containsString("De zaak staat bij Task_Intake en die activiteit is niet gekoppeld")))
        .andExpect(content().string(containsString("zou mislukken")))
        .andExpect(content().string(containsString("Koppeling aanpassen")))
        // Back to the mapping with the request filled in, by a link: no form's CSRF token in the address.
        .andExpect(content().string(containsString("href=\"/modellen/migratie?proces=" + KEY + "&amp;van=" + v1
            + "&amp;naar=" + v2.version())));
    assertThat(stepKeys(people.caseId())).contains(Element.TASK_INTAKE);

    MvcResult executed = mvc.perform(post(PATH + "/uitvoeren").param("proces", KEY).param("van", "" + v1)
            .param("naar", "" + v2.version()).with(as(owner, Groups.PROCESS_OWNER)).with(csrf()))
        .andExpect(status().is3xxRedirection()).andReturn();
    String runPath = executed.getResponse().getRedirectedUrl();
    awaitEnd(runPath, owner);
    MvcResult runPage = mvc.perform(get(runPath).with(as(owner, Groups.PROCESS_OWNER)))
        .andExpect(status().isOk())
        .andExpect(content().string(
            containsString("De zaak staat bij Task_Intake en die activiteit is niet gekoppeld")))
        .andExpect(content().string(containsString("id=\"koppeling-Task_Intake\""))).andReturn();
    MigrationRun first = attribute(runPage, "run");
    assertThat(first.results()).filteredOn(r -> r.caseId().equals(people.caseId().toString())).singleElement()
        .satisfies(r -> {
          assertThat(r.succeeded()).isFalse();
          assertThat(r.problem()).isEqualTo(ProblemKind.NOT_MAPPED);
        });
    assertThat(stepKeys(people.caseId())).contains(Element.TASK_INTAKE);

    MvcResult retried = mvc.perform(post(runPath + "/opnieuw").param("koppeling", Element.TASK_INTAKE + ">" + newId)
            .with(as(owner, Groups.PROCESS_OWNER)).with(csrf()))
        .andExpect(status().is3xxRedirection()).andReturn();
    awaitEnd(retried.getResponse().getRedirectedUrl(), owner);
    MvcResult secondPage = mvc.perform(get(retried.getResponse().getRedirectedUrl())
        .with(as(owner, Groups.PROCESS_OWNER))).andExpect(status().isOk()).andReturn();
    MigrationRun second = attribute(secondPage, "run");
    assertThat(second.retryOf()).isEqualTo(first.id());
    assertThat(second.results()).hasSize(first.failed()).filteredOn(r -> r.caseId().equals(people.caseId().toString()))
        .singleElement().satisfies(r -> assertThat(r.succeeded()).isTrue());
    assertThat(stepKeys(people.caseId())).contains(newId).doesNotContain(Element.TASK_INTAKE);
  }

  @Test
  void oneRunAtATimeAndARunLeftBehindByAStoppedNodeIsInterruptedAndItsRestMovedOnRetry() throws Exception {
    int v1 = models.latest(KEY);
    Deployed v2 = models.deploy(KEY, MigrationTestModels.rename("Intakegesprek voeren", "Intakegesprek houden"));
    String owner = people.processOwner();
    // Another node's run of the journey, reporting progress just now: it holds the process's lock.
    UUID elsewhere = UUID.randomUUID();
    jdbc.update("""
        insert into case_migration_run (id, process_key, source_version, target_version, mappings, started_by,
            started_at, succeeded, failed, status, planned, heartbeat_at)
        values (?, ?, ?, ?, '', ?, current_timestamp, 3, 0, 'RUNNING', 40, current_timestamp)""",
        elsewhere, KEY, v1, v2.version(), owner);
    jdbc.update("insert into case_migration_lock (process_key, run_id, taken_at) values (?, ?, current_timestamp)",
        KEY, elsewhere);

    MvcResult refused = mvc.perform(post(PATH + "/uitvoeren").param("proces", KEY).param("van", "" + v1)
            .param("naar", "" + v2.version()).with(as(owner, Groups.PROCESS_OWNER)).with(csrf()))
        .andExpect(status().isConflict()).andExpect(view().name("modeling/migration"))
        .andExpect(content().string(containsString("Er loopt al een verplaatsing van dit proces.")))
        .andExpect(content().string(containsString(PATH + "/uitvoeringen/" + elsewhere))).andReturn();
    assertThat(((FormState) attribute(refused, "form")).formError()).isEqualTo("modeling.migration.error.running");
    mvc.perform(post(PATH + "/proefrun").param("proces", KEY).param("van", "" + v1)
            .param("naar", "" + v2.version()).with(as(owner, Groups.PROCESS_OWNER)).with(csrf()))
        .andExpect(status().isConflict()).andExpect(view().name("modeling/migration"))
        .andExpect(content().string(containsString("Er loopt al een verplaatsing van dit proces.")));
    mvc.perform(get(PATH + "/uitvoeringen/" + elsewhere).with(as(owner, Groups.PROCESS_OWNER)))
        .andExpect(content().string(containsString("Bezig: 3 van 40 zaken gedaan")))
        .andExpect(content().string(not(containsString("Uitkomst per zaak"))))
        .andExpect(content().string(containsString("hx-trigger=\"every 3s\"")));
    assertThat(intakeName(people.caseId())).isEqualTo("Intakegesprek voeren");

    // The node stopped: no progress for longer than the run may stay silent.
    jdbc.update("update case_migration_run set heartbeat_at = ? where id = ?",
        OffsetDateTime.now().minusMinutes(10), elsewhere);
    MvcResult leftBehind = mvc.perform(get(PATH + "/uitvoeringen/" + elsewhere)
            .with(as(owner, Groups.PROCESS_OWNER)))
        .andExpect(content().string(containsString("Deze verplaatsing is onderbroken")))
        .andExpect(content().string(containsString("De rest opnieuw proberen"))).andReturn();
    assertThat(((MigrationRun) attribute(leftBehind, "run")).remaining()).isEqualTo(37);

    MvcResult retried = mvc.perform(post(PATH + "/uitvoeringen/" + elsewhere + "/opnieuw")
            .with(as(owner, Groups.PROCESS_OWNER)).with(csrf()))
        .andExpect(status().is3xxRedirection()).andReturn();
    String runPath = retried.getResponse().getRedirectedUrl();
    MigrationRun rest = awaitEnd(runPath, owner);
    assertThat(rest.retryOf()).isEqualTo(elsewhere);
    assertThat(rest.status()).isEqualTo(MigrationRun.Status.DONE);
    assertThat(rest.results()).filteredOn(r -> r.caseId().equals(people.caseId().toString())).singleElement()
        .satisfies(r -> assertThat(r.succeeded()).isTrue());
    assertThat(intakeName(people.caseId())).isEqualTo("Intakegesprek houden");
    assertThat(jdbc.queryForObject("select status from case_migration_run where id = ?", String.class, elsewhere))
        .isEqualTo("INTERRUPTED");
    assertThat(jdbc.queryForObject("select count(*) from case_migration_lock where process_key = ?", Integer.class,
        KEY)).as("the lock is released when the run ends").isZero();

    MvcResult moveBack = mvc.perform(post(PATH + "/uitvoeren").param("proces", KEY).param("van", "" + v2.version())
            .param("naar", "" + v1).with(as(owner, Groups.PROCESS_OWNER)).with(csrf()))
        .andExpect(status().is3xxRedirection()).andReturn();
    awaitEnd(moveBack.getResponse().getRedirectedUrl(), owner);
  }

  /**
   * Waits for a run started by the page to end (it goes on in the background), through its progress fragment as the
   * page polls it, and returns it as the run page shows it. A bound, not a timing assertion.
   */
  private MigrationRun awaitEnd(String runPath, String owner) throws Exception {
    for (int i = 0; i < 1200; i++) {
      MvcResult progress = mvc.perform(get(runPath + "/voortgang").with(as(owner, Groups.PROCESS_OWNER)))
          .andExpect(status().isOk()).andReturn();
      if ("true".equals(progress.getResponse().getHeader("HX-Refresh"))) {
        return attribute(mvc.perform(get(runPath).with(as(owner, Groups.PROCESS_OWNER)))
            .andExpect(status().isOk()).andReturn(), "run");
      }
      Thread.sleep(100);
    }
    throw new AssertionError("The run at " + runPath + " did not end within two minutes");
  }

  private String intakeName(UUID caseId) {
    return tasks.openSteps(caseId).stream().filter(s -> s.stepKey().equals(Element.TASK_INTAKE)).findFirst()
        .orElseThrow().name();
  }

  private List<String> stepKeys(UUID caseId) {
    return tasks.openSteps(caseId).stream().map(s -> s.stepKey()).toList();
  }
}

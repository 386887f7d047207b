package nl.bluevitaal.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.bluevitaal.casefile.CaseRegistry;
import nl.bluevitaal.casefile.SickReport;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.journey.CaseMigrations.InstanceOutcome;
import nl.bluevitaal.journey.CaseMigrations.InstancePreview;
import nl.bluevitaal.journey.CaseMigrations.MigrationRequest;
import nl.bluevitaal.journey.MigrationTestModels.Deployed;
import nl.bluevitaal.journey.ReintegrationJourneyProcess.Element;
import nl.bluevitaal.poortwachter.Milestone;
import nl.bluevitaal.support.CaseFixtures.SickCase;
import nl.bluevitaal.support.CaseFixtures;
import nl.bluevitaal.support.PostgresIntegrationTest;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A few hundred running cases on PostgreSQL move to a new version of the journey with two steps renamed: every case
 * moves, and each keeps its timers (the legal end of wage payment among them) and its open steps' due dates,
 * assignees and candidates exactly; only the names change. Half of the cases are at the week-1 report, half at the
 * intake, so both renamed steps are met.
 */
@PostgresIntegrationTest
class CaseMigrationsPostgresIT {

  private static final int CASES = 240;

  @Autowired
  CaseMigrations migrations;
  @Autowired
  CaseFixtures fixtures;
  @Autowired
  CaseRegistry registry;
  @Autowired
  JourneyTasks tasks;
  @Autowired
  Clock clock;
  @Autowired
  RepositoryService repositoryService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  ManagementService managementService;

  MigrationTestModels models;

  @AfterEach
  void realModelsAreLatestAgain() {
    models.removeAll();
  }

  @Test
  void aFewHundredCasesMoveWithTheirDeadlinesPeopleAndCandidatesUnchanged() {
    models = new MigrationTestModels(repositoryService, migrations);
    String counsellor = fixtures.user("pc", Groups.COUNSELLOR);
    String doctor = fixtures.user("pd", Groups.COMPANY_DOCTOR);
    Map<UUID, String> journeys = new LinkedHashMap<>();
    for (int i = 0; i < CASES; i++) {
      SickCase spec = SickCase.of(null, "Migratie " + i).counselledBy(counsellor, doctor)
          .since(LocalDate.now(clock).minusDays(i % 30));
      UUID caseId = i % 2 == 0 ? fixtures.sickCase(spec)
          : registry.reportSick(new SickReport(fixtures.employee(spec).id(), spec.firstSickDay(), counsellor, doctor));
      journeys.put(caseId, runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseId.toString())
          .processDefinitionKey(ReintegrationJourneyProcess.PROCESS_KEY).singleResult().getId());
    }
    Map<String, List<String>> stepsBefore = new LinkedHashMap<>();
    Map<String, List<String>> timersBefore = new LinkedHashMap<>();
    journeys.values().forEach(journey -> {
      stepsBefore.put(journey, MigrationTestModels.taskState(taskService, journey));
      timersBefore.put(journey, MigrationTestModels.timers(managementService, journey));
    });
    int v1 = models.latest(ReintegrationJourneyProcess.PROCESS_KEY);
    Deployed v2 = models.deploy(ReintegrationJourneyProcess.PROCESS_KEY, xml -> MigrationTestModels
        .rename("Intakegesprek voeren", "Intakegesprek houden")
        .andThen(MigrationTestModels.rename("Verzuim melden bij bedrijfsarts", "Verzuim doorgeven aan bedrijfsarts"))
        .apply(xml));
    MigrationRequest request = new MigrationRequest(ReintegrationJourneyProcess.PROCESS_KEY, v1, v2.version(),
        Map.of());
    List<String> instances = new ArrayList<>(journeys.values());

    List<InstancePreview> preview = migrations.dryRun(request, instances.subList(0, 20));
    assertThat(preview).allSatisfy(p -> assertThat(p.succeeds()).isTrue());

    List<InstanceOutcome> outcomes = migrations.migrate(request, instances);

    assertThat(outcomes).hasSize(CASES).allSatisfy(o -> assertThat(o.succeeded()).as(o.toString()).isTrue());
    journeys.forEach((caseId, journey) -> {
      assertThat(MigrationTestModels.timers(managementService, journey)).as("timers of " + caseId)
          .isEqualTo(timersBefore.get(journey));
      assertThat(MigrationTestModels.timerDue(managementService, journey, "StartEvent_WagePaymentEnds"))
          .as("the legal end of wage payment of " + caseId)
          .isEqualTo(startOfDayAfter(registry.dueDate(caseId, Milestone.END_OF_WAGE_PAYMENT).orElseThrow()));
      assertThat(MigrationTestModels.taskState(taskService, journey)).as("open steps of " + caseId)
          .isEqualTo(stepsBefore.get(journey).stream()
              .map(s -> s.replace("Intakegesprek voeren", "Intakegesprek houden")
                  .replace("Verzuim melden bij bedrijfsarts", "Verzuim doorgeven aan bedrijfsarts")).toList());
    });
    UUID atTheIntake = journeys.keySet().iterator().next();
    assertThat(tasks.openSteps(atTheIntake)).filteredOn(s -> s.stepKey().equals(Element.TASK_INTAKE))
        .singleElement().satisfies(s -> assertThat(s.name()).isEqualTo("Intakegesprek houden"));
  }

  private Date startOfDayAfter(LocalDate day) {
    return Date.from(day.plusDays(1).atStartOfDay(clock.getZone()).toInstant());
  }
}

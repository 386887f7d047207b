package nl.bluevitaal.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import nl.bluevitaal.journey.CaseMigrations.InstanceOutcome;
import nl.bluevitaal.journey.CaseMigrations.MigrationRequest;
import nl.bluevitaal.journey.CaseMigrations.RunningInstance;
import nl.bluevitaal.journey.MigrationTestModels.Deployed;
import nl.bluevitaal.support.DemoAppTest;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Moving every running journey of the demo caseload to a new version and back leaves everything that watches a
 * deadline exactly as it was: each process instance (journeys and their milestone watches), each open step with its
 * person, candidates and due date, each open escalation with its rung, and each timer with its due date. Migration
 * moves the journey only; the watches it called must not notice.
 */
@DemoAppTest
// The demo of DemoCaseloadDeadlinesWatchedIT (same properties, so the same context): a demo no other test changed.
@TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:mem:demo-watched;DB_CLOSE_DELAY=-1",
    "camunda.bpm.process-engine-name=demowatched"})
class CaseloadMigrationKeepsWatchesIT {

  private static final String INSTANCES = """
      select e.business_key_, d.key_, count(*) from act_ru_execution e join act_re_procdef d on d.id_ = e.proc_def_id_
       where e.id_ = e.proc_inst_id_ group by e.business_key_, d.key_ order by 1, 2""";
  private static final String STEPS = """
      select t.id_, t.name_, t.task_def_key_, t.assignee_, t.due_date_, t.proc_inst_id_,
             (select v.text_ from act_ru_variable v where v.proc_inst_id_ = t.proc_inst_id_ and v.name_ = 'escalateTo'
                and v.execution_id_ = v.proc_inst_id_) escalate_to,
             (select listagg(coalesce(l.user_id_, '') || ':' || coalesce(l.group_id_, ''), ',')
                     within group (order by l.user_id_, l.group_id_)
                from act_ru_identitylink l where l.task_id_ = t.id_) candidates
        from act_ru_task t order by t.id_""";
  private static final String TIMERS = """
      select j.id_, j.duedate_, j.process_instance_id_, j.handler_cfg_ from act_ru_job j where j.type_ = 'timer'
       order by j.id_""";

  @Autowired JdbcTemplate jdbc;
  @Autowired RepositoryService repositoryService;
  @Autowired CaseMigrations migrations;

  MigrationTestModels models;

  @AfterEach
  void realModelsAreLatestAgain() {
    models.removeAll();
  }

  @Test
  void everyWatchStepEscalationAndTimerOfTheCaseloadSurvivesAMoveThereAndBack() {
    models = new MigrationTestModels(repositoryService, migrations);
    String key = ReintegrationJourneyProcess.PROCESS_KEY;
    List<Map<String, Object>> instances = jdbc.queryForList(INSTANCES);
    List<Map<String, Object>> steps = jdbc.queryForList(STEPS);
    List<Map<String, Object>> timers = jdbc.queryForList(TIMERS);
    assertThat(steps).as("open escalations in the demo")
        .anySatisfy(step -> assertThat(step.get("TASK_DEF_KEY_")).isEqualTo("Task_HandleOverdueDeadline"));

    int v1 = models.latest(key);
    Deployed v2 = models.deploy(key, MigrationTestModels.rename("Intakegesprek voeren", "Intakegesprek houden"));
    List<String> journeys = migrations.running(key, v1).stream().map(RunningInstance::processInstanceId).toList();
    assertThat(journeys).hasSizeGreaterThan(50);
    assertThat(migrations.migrate(new MigrationRequest(key, v1, v2.version(), Map.of()), journeys))
        .allSatisfy(outcome -> assertThat(outcome.succeeded()).as(outcome.toString()).isTrue())
        .extracting(InstanceOutcome::processInstanceId).containsExactlyElementsOf(journeys);
    assertThat(jdbc.queryForList(INSTANCES)).as("instances on the new version").isEqualTo(instances);
    assertThat(jdbc.queryForList(TIMERS)).as("timers on the new version").isEqualTo(timers);

    models.removeAll();

    assertThat(jdbc.queryForList(INSTANCES)).as("instances after the move back").isEqualTo(instances);
    assertThat(jdbc.queryForList(STEPS)).as("open steps and escalations after the move back").isEqualTo(steps);
    assertThat(jdbc.queryForList(TIMERS)).as("timers after the move back").isEqualTo(timers);
  }
}

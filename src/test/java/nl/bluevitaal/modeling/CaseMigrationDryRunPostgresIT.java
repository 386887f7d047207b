package nl.bluevitaal.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.journey.CaseMigrations;
import nl.bluevitaal.journey.CaseMigrations.MigrationRequest;
import nl.bluevitaal.journey.JourneyTasks;
import nl.bluevitaal.journey.MigrationTestModels.Deployed;
import nl.bluevitaal.journey.MigrationTestModels;
import nl.bluevitaal.journey.ReintegrationJourneyProcess.Element;
import nl.bluevitaal.journey.ReintegrationJourneyProcess;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.support.CaseFixtures.SickCase;
import nl.bluevitaal.support.CaseFixtures;
import nl.bluevitaal.support.PostgresIntegrationTest;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The dry run as a run of its own on PostgreSQL: over more cases than one chunk, every case's outcome is stored, the
 * counts of the chunks add up per step to the cases that wait there, nothing moves, and the process's lock is free
 * again afterwards.
 */
@PostgresIntegrationTest
class CaseMigrationDryRunPostgresIT {

  /** More than two chunks ({@link CaseMigrationDesk#CHUNK}), so the page's counts are sums of several. */
  private static final int CASES = 60;

  @Autowired
  CaseMigrationDesk desk;
  @Autowired
  CaseMigrations migrations;
  @Autowired
  CaseFixtures fixtures;
  @Autowired
  JourneyTasks tasks;
  @Autowired
  RepositoryService repositoryService;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  Clock clock;

  MigrationTestModels models;

  @AfterEach
  void realModelsAreLatestAgain() {
    models.removeAll();
  }

  @Test
  void aDryRunStoresEveryCaseAndCountsPerStepAndMovesNothing() {
    models = new MigrationTestModels(repositoryService, migrations);
    String counsellor = fixtures.user("dc", Groups.COUNSELLOR);
    String doctor = fixtures.user("dd", Groups.COMPANY_DOCTOR);
    Set<String> ours = new HashSet<>();
    for (int i = 0; i < CASES; i++) {
      UUID caseId = fixtures.sickCase(SickCase.of(null, "Proefrun " + i).counselledBy(counsellor, doctor)
          .since(LocalDate.now(clock).minusDays(i % 20)));
      ours.add(caseId.toString());
    }
    UUID someCase = UUID.fromString(ours.iterator().next());
    int v1 = models.latest(ReintegrationJourneyProcess.PROCESS_KEY);
    Deployed v2 = models.deploy(ReintegrationJourneyProcess.PROCESS_KEY,
        MigrationTestModels.rename("Intakegesprek voeren", "Intakegesprek houden"));
    MigrationRequest request = new MigrationRequest(ReintegrationJourneyProcess.PROCESS_KEY, v1, v2.version(),
        Map.of());
    Actor owner = new Actor(fixtures.user("dpo", Groups.PROCESS_OWNER), Set.of(Groups.PROCESS_OWNER), false);

    MigrationRun run = desk.dryRun(owner, request);

    assertThat(run.dryRun()).isTrue();
    assertThat(run.status()).isEqualTo(MigrationRun.Status.DONE);
    assertThat(run.planned()).isGreaterThanOrEqualTo(CASES);
    assertThat(run.results()).hasSize(run.planned());
    assertThat(run.succeeded() + run.failed()).isEqualTo(run.planned());
    assertThat(run.results()).filteredOn(r -> ours.contains(r.caseId())).hasSize(CASES)
        .allSatisfy(r -> assertThat(r.succeeded()).as(r.toString()).isTrue());
    // Every case waits at the intake (and perhaps elsewhere too): the chunks' counts of that move add up to all.
    assertThat(run.moves()).filteredOn(c -> Element.TASK_INTAKE.equals(c.from())).singleElement()
        .satisfies(c -> {
          assertThat(c.to()).isEqualTo(Element.TASK_INTAKE);
          assertThat(c.cases()).isGreaterThanOrEqualTo(CASES).isLessThanOrEqualTo(run.planned());
        });
    // Cases, not activity instances: every case waits at several milestone watches and counts once for them.
    assertThat(run.moves()).filteredOn(c -> "CallActivity_WatchMilestones".equals(c.from())).singleElement()
        .satisfies(c -> assertThat(c.cases()).isGreaterThanOrEqualTo(CASES).isLessThanOrEqualTo(run.planned()));
    assertThat(run.moves()).allSatisfy(c -> assertThat(c.cases()).isLessThanOrEqualTo(run.planned()));
    // Other tests' cases share this database: whatever fails there is counted, and only there.
    assertThat(run.problems()).allSatisfy(c -> assertThat(c.cases()).isLessThanOrEqualTo(run.failed()));
    assertThat(jdbc.queryForObject("select count(*) from case_migration_count where run_id = ?", Integer.class,
        run.id())).as("stored a chunk at a time").isGreaterThan(run.moves().size());
    assertThat(tasks.openSteps(someCase)).filteredOn(s -> s.stepKey().equals(Element.TASK_INTAKE)).singleElement()
        .satisfies(s -> assertThat(s.name()).as("nothing moved").isEqualTo("Intakegesprek voeren"));
    assertThat(migrations.running(ReintegrationJourneyProcess.PROCESS_KEY, v2.version())).isEmpty();
    assertThat(jdbc.queryForObject("select count(*) from case_migration_lock", Integer.class)).isZero();
    assertThat(desk.latestRuns(owner, 1)).singleElement().satisfies(r -> {
      assertThat(r.id()).isEqualTo(run.id());
      assertThat(r.dryRun()).isTrue();
    });
  }
}

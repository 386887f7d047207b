package nl.bluevitaal.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.bluevitaal.identity.Accounts;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.journey.CaseMigrations;
import nl.bluevitaal.journey.CaseMigrations.EngineBatchFigures;
import nl.bluevitaal.journey.CaseMigrations.MigrationRequest;
import nl.bluevitaal.journey.ReintegrationJourneyProcess;
import nl.bluevitaal.modeling.CaseMigrationDesk;
import nl.bluevitaal.modeling.MigrationRun;
import nl.bluevitaal.privacy.Actor;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Moving every running journey of the caseload to a new version (the real model with one step renamed), as the
 * migration page does it: one instance per transaction, each result kept. Then back again as one engine batch
 * ({@code executeAsync}), whose jobs this JVM runs one after the other (the in-process app has no job executor), for
 * the engine's own figures beside ours. The migration page's latency is measured on the same data as a logged-in
 * process owner, before the run (versions and the plan) and after it (the run's result page).
 */
final class MigrationBench {

  static final String PROCESS_OWNER = "po-bench";

  record Result(int instances, int succeeded, Duration ours, int batchInstances, int batchJobs, long batchMillis,
      boolean batchCompleted, int previewed, Duration dryRun) {

    double oursPerSecond() {
      return instances / Math.max(0.001, ours.toMillis() / 1000.0);
    }

    double batchInstancesPerSecond() {
      return batchInstances / Math.max(0.001, batchMillis / 1000.0);
    }

    double batchJobsPerSecond() {
      return batchJobs / Math.max(0.001, batchMillis / 1000.0);
    }
  }

  private MigrationBench() {
  }

  static Result run(ConfigurableApplicationContext app, Report report, int latencyRequests) {
    CaseMigrations migrations = app.getBean(CaseMigrations.class);
    CaseMigrationDesk desk = app.getBean(CaseMigrationDesk.class);
    RepositoryService repository = app.getBean(RepositoryService.class);
    app.getBean(Accounts.class).ensureUser(PROCESS_OWNER, "Proces", "Eigenaar", PROCESS_OWNER + "@bench.invalid",
        nl.bluevitaal.demo.NationalCaseload.PASSWORD, List.of(Groups.PROCESS_OWNER));
    String key = ReintegrationJourneyProcess.PROCESS_KEY;
    int source = repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult()
        .getVersion();
    repository.createDeployment().name("benchmark-migration")
        .addString(key + ".bpmn", read("processes/" + key + ".bpmn")
            .replace("name=\"Intakegesprek voeren\"", "name=\"Intakegesprek houden\""))
        .deploy();
    int target = source + 1;
    MigrationRequest request = new MigrationRequest(key, source, target, Map.of());

    URI uri = URI.create("http://localhost:" + app.getEnvironment().getProperty("local.server.port"));
    WebClient owner = WebClient.login(uri, PROCESS_OWNER, nl.bluevitaal.demo.NationalCaseload.PASSWORD);
    int warmup = 20;
    report.latency("Migratie: versies (proceseigenaar, in-process app)", "/modellen/migratie",
        Latency.measure(warmup, latencyRequests, () -> owner.get("/modellen/migratie")));
    report.latency("Migratie: koppeling en validatie (in-process app)",
        "/modellen/migratie?proces=…&van=…&naar=…",
        Latency.measure(warmup, latencyRequests, () -> owner.get("/modellen/migratie?proces=" + key + "&van="
            + source + "&naar=" + target)));

    Actor actor = new Actor(PROCESS_OWNER, Set.of(Groups.PROCESS_OWNER), false);
    // The dry run the page offers before the move: what would happen to every running journey, nothing moved.
    long dryStarted = System.nanoTime();
    MigrationRun tried = desk.dryRun(actor, request);
    int previewed = tried.planned();
    Duration dryRun = Duration.ofNanos(System.nanoTime() - dryStarted);
    Benchmark.log("Dry run: " + previewed + " instances in " + dryRun.toMillis() + " ms, " + tried.failed()
        + " would fail");
    report.latency("Migratie: proefrun, uitkomst per zaak (" + tried.results().size() + " rijen)",
        "/modellen/migratie/uitvoeringen/{id} (proefrun)", Latency.measure(warmup, Math.min(latencyRequests, 100),
            () -> owner.get("/modellen/migratie/uitvoeringen/" + tried.id())));
    Benchmark.log("Migrating the running journeys from version " + source + " to " + target);
    long started = System.nanoTime();
    MigrationRun run = desk.migrate(actor, request);
    Duration ours = Duration.ofNanos(System.nanoTime() - started);
    Benchmark.log("Ours: " + run.results().size() + " instances in " + ours.toMillis() + " ms, " + run.failed()
        + " failed");
    report.latency("Migratie: uitkomst per zaak (" + run.results().size() + " rijen)",
        "/modellen/migratie/uitvoeringen/{id}", Latency.measure(warmup, Math.min(latencyRequests, 100),
            () -> owner.get("/modellen/migratie/uitvoeringen/" + run.id())));

    Benchmark.log("Back again as one engine batch");
    EngineBatchFigures batch = migrations.migrateAsEngineBatch(request.reversed(), Duration.ofMinutes(30).toMillis());
    Benchmark.log("Engine batch: " + batch);
    return new Result(run.results().size(), run.succeeded(), ours, batch.instances(), batch.batchJobs(),
        batch.millis(), batch.completed(), previewed, dryRun);
  }

  private static String read(String resource) {
    try (InputStream in = MigrationBench.class.getClassLoader().getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package nl.bluevitaal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The files that put BlueVitaal into production say what the README promises. */
class DeploymentFilesTest {

  @Test
  void dockerComposeFileIsValid() throws IOException, InterruptedException {
    assumeTrue(onPath("docker-compose"), "docker-compose is not installed (.ci/run installs it)");

    Process process = new ProcessBuilder("docker-compose", "config", "-q").redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(process.exitValue()).as(output).isZero();
  }

  @Test
  void dockerComposeRunsTwoIdenticalNodesOnOnePostgresql() throws IOException {
    String compose = Files.readString(Path.of("docker-compose.yml"));

    assertThat(compose).contains("app1: &app", "app2:", "<<: *app", "SPRING_PROFILES_ACTIVE: postgres",
        "POSTGRES_URL:", "POSTGRES_USER:", "POSTGRES_PASSWORD:", "image: postgres:");
    // Two nodes on one host share its cores: each runs its share of jobs at once, not the two of a node alone.
    assertThat(compose).contains("CAMUNDA_BPM_JOBEXECUTION_COREPOOLSIZE: ${JOB_THREADS_PER_NODE:-1}",
        "CAMUNDA_BPM_JOBEXECUTION_MAXPOOLSIZE: ${JOB_THREADS_PER_NODE:-1}");
  }

  @Test
  void thePostgresProfileTakesItsSettingsFromTheEnvironmentAndHasNoDemoData() throws IOException {
    String postgres = Files.readString(Path.of("src/main/resources/application-postgres.properties"));

    assertThat(postgres).contains("${POSTGRES_URL", "${POSTGRES_USER", "${POSTGRES_PASSWORD",
        "bluevitaal.demo.enabled=false");
  }

  @Test
  void theContainerRunsWithTheJvmSettingsTheBenchmarkMeasured() throws IOException {
    String settings = String.join(" ", nl.bluevitaal.benchmark.Benchmark.DEFAULT_NODE_JVM);

    assertThat(Files.readString(Path.of("Dockerfile"))).contains("JAVA_TOOL_OPTIONS=\"" + settings + "\"",
        "-XX:ArchiveClassesAtExit=/app/app.jsa", "-XX:SharedArchiveFile=/app/app.jsa");
    // The benchmark's class-data-sharing training run uses them too.
    assertThat(Files.readString(Path.of("tools/benchmark/run"))).contains("node_jvm=\"" + settings + "\"");
  }

  private static boolean onPath(String command) {
    for (String dir : System.getenv("PATH").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, command))) {
        return true;
      }
    }
    return false;
  }
}

package nl.bluevitaal.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.bluevitaal.benchmark.node.ClockAhead;

/** One BlueVitaal node in its own JVM, as it would run in production: the packaged jar, nothing of the test JVM. */
public final class AppNode implements AutoCloseable {

  public record Settings(String name, Path jar, List<String> jvmOptions, Map<String, String> env, List<String> appArgs,
      int port, long clockAheadMillis, Path logFile) {}

  private static final Pattern STARTED = Pattern.compile("Started BlueVitaalApplication in ([0-9]+(?:[.,][0-9]+)?) seconds");
  private static final String MAIN_CLASS = "nl.bluevitaal.BlueVitaalApplication";

  private final Settings settings;
  private final Process process;
  private final long launchedNanos;
  // The log is appended to; everything this launch wrote starts here.
  private final long logOffset;

  private AppNode(Settings settings, Process process, long launchedNanos, long logOffset) {
    this.settings = settings;
    this.process = process;
    this.launchedNanos = launchedNanos;
    this.logOffset = logOffset;
  }

  /**
   * A port nothing listens on now, for a node to take: fixed ports failed the benchmark whenever something else on the
   * machine had them (a developer's own app on 18080).
   */
  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }

  /** The node's address. */
  public URI uri() {
    return URI.create("http://localhost:" + settings.port());
  }

  public static AppNode start(Settings s) throws IOException {
    // A node left over on this port would answer the health probe for the new one, which then never gets ready.
    try (ServerSocket probe = new ServerSocket()) {
      probe.setReuseAddress(true);
      probe.bind(new InetSocketAddress(s.port()));
    } catch (BindException e) {
      throw new IOException("Port " + s.port() + " for " + s.name() + " is already in use", e);
    }
    Path logFile = s.logFile().toAbsolutePath();
    Files.createDirectories(logFile.getParent());
    long logOffset = Files.exists(logFile) ? Files.size(logFile) : 0;

    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(s.jvmOptions());
    if (s.clockAheadMillis() == 0) {
      command.add("-jar");
      command.add(s.jar().toAbsolutePath().toString());
      command.add("--server.port=" + s.port());
    } else {
      // The hook must be loaded by the app's class loader to reach its ClockUtil, so it goes on the jar's own
      // class path through PropertiesLauncher rather than on the JVM class path. Spring Boot 3.5.16 no longer has
      // DelegatingApplicationContextInitializer, so --context.initializer.classes would be silently ignored; the
      // hook registers itself through a META-INF/spring.factories of its own instead.
      Path hookDir = logFile.getParent().resolve(s.name() + "-hook");
      copyHook(hookDir);
      command.add("-D" + ClockAhead.PROPERTY + "=" + s.clockAheadMillis());
      command.add("-Dloader.path=" + hookDir);
      command.add("-Dloader.main=" + MAIN_CLASS);
      command.add("-cp");
      command.add(s.jar().toAbsolutePath().toString());
      command.add("org.springframework.boot.loader.launch.PropertiesLauncher");
      command.add("--server.port=" + s.port());
    }
    command.addAll(s.appArgs());

    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
    builder.environment().putAll(s.env());
    long launched = System.nanoTime();
    Process process = builder.start();
    return new AppNode(s, process, launched, logOffset);
  }

  private static void copyHook(Path hookDir) throws IOException {
    String resource = ClockAhead.class.getSimpleName() + ".class";
    Path target = hookDir.resolve(ClockAhead.class.getPackageName().replace('.', '/')).resolve(resource);
    Files.createDirectories(target.getParent());
    try (InputStream in = ClockAhead.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("ClockAhead.class not found next to " + ClockAhead.class.getName());
      }
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
    Path factories = hookDir.resolve("META-INF/spring.factories");
    Files.createDirectories(factories.getParent());
    Files.writeString(factories,
        "org.springframework.context.ApplicationContextInitializer=" + ClockAhead.class.getName() + "\n");
  }

  /** Time from launch to the first healthy answer: what a load balancer would wait before sending traffic. */
  public Duration awaitReady(Duration timeout) {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + settings.port() + "/actuator/health"))
        .timeout(Duration.ofSeconds(2)).GET().build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (!process.isAlive()) {
        throw new IllegalStateException(settings.name() + " exited with " + process.exitValue() + " before it was ready"
            + logTail());
      }
      try {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        long now = System.nanoTime();
        if (response.statusCode() == 200 && response.body().replace(" ", "").contains("\"status\":\"UP\"")) {
          return Duration.ofNanos(now - launchedNanos);
        }
      } catch (ConnectException | HttpTimeoutException e) {
        // Not listening yet.
      } catch (IOException e) {
        // Connection reset while Tomcat starts up: also not ready yet.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for " + settings.name(), e);
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(settings.name() + " not ready within " + timeout + logTail());
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for " + settings.name(), e);
      }
    }
  }

  /** Spring Boot's own figure, which leaves out JVM start-up and the jar's class loading before main. */
  public Optional<Double> reportedStartupSeconds() {
    Matcher m = STARTED.matcher(logOfThisLaunch());
    return m.find() ? Optional.of(Double.parseDouble(m.group(1).replace(',', '.'))) : Optional.empty();
  }

  public long rssKib() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.substring("VmRSS:".length()).replace("kB", "").trim());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the memory of " + settings.name() + " (pid " + pid() + ")", e);
    }
    throw new IllegalStateException("No VmRSS for " + settings.name() + " (pid " + pid() + "): a zombie?");
  }

  public long pid() {
    return process.pid();
  }

  /** Graceful first, as an orchestrator would, so Camunda can release its job locks. */
  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private String logOfThisLaunch() {
    try (RandomAccessFile file = new RandomAccessFile(settings.logFile().toFile(), "r")) {
      long length = file.length();
      if (length <= logOffset) {
        return "";
      }
      byte[] bytes = new byte[(int) Math.min(length - logOffset, Integer.MAX_VALUE - 8)];
      file.seek(logOffset);
      file.readFully(bytes);
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  private String logTail() {
    List<String> lines = logOfThisLaunch().lines().toList();
    return "\n--- last lines of " + settings.logFile() + " ---\n"
        + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }
}

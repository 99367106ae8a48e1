package dev.gilscope.analyzer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gilscope.agent.it.Jdk21Plus;
import dev.gilscope.analyzer.testing.Cli;
import dev.gilscope.contract.GilscopeEvents;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Spring Boot executable jar (it-apps/spring-app: nested jars under BOOT-INF/lib, its classes
 * defined by Spring Boot's LaunchedClassLoader) started with {@code java -javaagent:...=monitor=...
 * -jar app.jar}, driven over loopback HTTP by a bounded client pool, stopped with SIGTERM. Every
 * request takes the service's one global lock: the acquisitions must equal the requests served, and
 * the analyzer must find the lock serializing the request threads. Lives with the analyzer's tests
 * because the agent's build cannot depend on the analyzer. Skips when a jar is not built.
 */
class SpringBootIT {
  private static final Path AGENT = Path.of(System.getProperty("gilscope.agent.jar", "-"));
  private static final Path APP = Path.of(System.getProperty("gilscope.spring.jar", "-"));
  private static final String GIL = "dev.gilscope.springapp.Ledger#GIL";
  private static final int CLIENTS = 8;
  private static final int REQUESTS_PER_CLIENT = 50;

  @TempDir Path dir;

  @Test
  void onJdk17() throws Exception {
    recordAndAnalyze(Path.of(System.getProperty("java.home")));
  }

  @Test
  void onJdk21Plus() throws Exception {
    Optional<Path> home = Jdk21Plus.home();
    assumeTrue(home.isPresent(), "no JDK 21+ found (set gilscope.test.jdk21plus)");
    recordAndAnalyze(home.get());
  }

  private void recordAndAnalyze(Path javaHome) throws Exception {
    assumeTrue(Files.isRegularFile(AGENT), "agent jar not built: " + AGENT);
    assumeTrue(Files.isRegularFile(APP), "Spring Boot application not built: " + APP);
    Path jfr = dir.resolve("spring.jfr");
    Path out = dir.resolve("app.out");
    Path err = dir.resolve("app.err");
    int port = freePort();
    Process app =
        new ProcessBuilder(
                javaHome.resolve("bin").resolve("java").toString(),
                "-javaagent:" + AGENT + "=monitor=" + GIL + ",file=" + jfr,
                "-jar",
                APP.toString(),
                "--server.port=" + port)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    long served;
    long lastEntry;
    try {
      awaitStarted(app, out, err);
      List<Long> entries = drive(port);
      served = entries.size();
      lastEntry = entries.stream().mapToLong(Long::longValue).max().orElse(0);
    } finally {
      app.destroy(); // SIGTERM: Spring shuts down, JFR writes the recording
      if (!app.waitFor(120, TimeUnit.SECONDS)) {
        app.destroyForcibly();
      }
    }
    String stderr = Files.readString(err, StandardCharsets.UTF_8);
    assertThat(app.exitValue()).as(stderr).isEqualTo(143);
    assertThat(stderr.lines().filter(l -> l.startsWith("gilscope:"))).as(stderr).isEmpty();
    assertThat(served).isEqualTo((long) CLIENTS * REQUESTS_PER_CLIENT);
    assertThat(lastEntry).isEqualTo(served);

    List<RecordedEvent> events = RecordingFile.readAllEvents(jfr);
    List<RecordedEvent> stats =
        events.stream()
            .filter(e -> e.getEventType().getName().equals(GilscopeEvents.MONITOR_STATISTICS))
            .filter(e -> e.getString("monitorName").endsWith("/" + GIL))
            .collect(Collectors.toList());
    Set<String> names =
        stats.stream().map(e -> e.getString("monitorName")).collect(Collectors.toSet());
    // the class comes from a nested jar: its loader is Spring Boot's, named in the monitor's name
    assertThat(names).hasSize(1);
    String monitor = names.iterator().next();
    assertThat(monitor).startsWith("org.springframework.boot.loader.launch.LaunchedClassLoader@");
    assertThat(stats.stream().mapToLong(e -> e.getLong("acquisitions")).sum()).isEqualTo(served);
    List<RecordedEvent> status =
        events.stream()
            .filter(e -> e.getEventType().getName().equals(GilscopeEvents.AGENT_STATUS))
            .collect(Collectors.toList());
    assertThat(status).isNotEmpty().allMatch(e -> e.getLong("suppressedErrors") == 0);
    assertThat(status).allMatch(e -> e.getInt("skippedClasses") == 0);

    Cli analysis = Cli.run("analyze", jfr.toString(), "--format", "json");
    assertThat(analysis.exitCode).as(analysis.err).isZero();
    JsonNode root = new ObjectMapper().readTree(analysis.out);
    List<String> findings = new ArrayList<>();
    for (JsonNode f : root.get("findings")) {
      if (f.get("monitor").asText().equals(monitor)) {
        findings.add(f.get("kind").asText() + " " + f.get("severity").asText());
      }
    }
    System.out.println("spring-boot findings on " + javaHome + ": " + findings);
    // at any severity: how much of each window the lock is held depends on how fast this machine
    // serves the requests around it (seen: 71-74% on a loaded 2-core machine, INFO, and WARNING)
    assertThat(findings)
        .as("findings: %s", root.get("findings"))
        .anyMatch(f -> f.startsWith("SERIALIZATION ") || f.startsWith("THRASHING "));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void awaitStarted(Process app, Path out, Path err) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
    while (System.nanoTime() < deadline) {
      if (Files.readString(out, StandardCharsets.UTF_8).contains("Started LedgerApplication")) {
        return;
      }
      assertThat(app.isAlive()).as("the application exited: %s", Files.readString(err)).isTrue();
      Thread.sleep(100);
    }
    throw new AssertionError("the application never started: " + Files.readString(out));
  }

  /** {@link #CLIENTS} threads x {@link #REQUESTS_PER_CLIENT} requests; returns each answer. */
  private static List<Long> drive(int port) throws Exception {
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    HttpRequest post =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/post"))
            .timeout(Duration.ofSeconds(60))
            .build();
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    try {
      List<Future<List<Long>>> clients = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        clients.add(
            pool.submit(
                () -> {
                  List<Long> answers = new ArrayList<>();
                  for (int i = 0; i < REQUESTS_PER_CLIENT; i++) {
                    HttpResponse<String> r =
                        client.send(post, HttpResponse.BodyHandlers.ofString());
                    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                    answers.add(Long.parseLong(r.body().trim()));
                  }
                  return answers;
                }));
      }
      List<Long> all = new ArrayList<>();
      for (Future<List<Long>> c : clients) {
        all.addAll(c.get(180, TimeUnit.SECONDS));
      }
      return all;
    } finally {
      pool.shutdownNow();
    }
  }
}

package dev.gilscope.analyzer.it.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.tools.attach.VirtualMachine;
import dev.gilscope.analyzer.testing.Cli;
import dev.gilscope.analyzer.testing.Processes;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gilscope watch} against a running JVM that was started without any agent: the watch loads
 * it, shows the monitor and its findings, records a file {@code analyze} reads, and leaves the
 * application running; a second watch works; between watches the probes are quiet (the MBean's
 * counters, read over JMX, stop) and a later watch makes them count again; {@code --jmx} watches a
 * JVM started with the agent; bad targets are one line and exit 2. One child JVM serves the ordered
 * tests (each watch costs an attach); skips when the jars are not built.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WatchIT {
  private static final String JAR = System.getProperty("gilscope.analyzer.jar", "-");
  private static final Path AGENT = Path.of(System.getProperty("gilscope.agent.jar", "-"));
  static final String GIL = LiveGilApp.class.getName() + "#GIL";

  @TempDir static Path dir;
  private static Child child;

  @BeforeAll
  static void startTheApplication() throws Exception {
    assumeTrue(Files.isRegularFile(AGENT), "agent jar not built: " + AGENT);
    assumeTrue(Files.isRegularFile(Path.of(JAR)), "analyzer jar not built: " + JAR);
    child = Child.start(dir, "app");
  }

  @AfterAll
  static void stopTheApplication() {
    if (child != null) {
      child.close();
    }
  }

  @Test
  @Order(1)
  void watchShowsTheGilRecordsItAndTheApplicationRunsOn() throws Exception {
    Path jfr = dir.resolve("watch.jfr");
    Processes watch = watch(child.pid(), "--duration", "6s", "--record", jfr.toString());
    assertThat(watch.exitCode).as(watch.err).isZero();
    assertThat(watch.out).contains(GIL + ": ").contains("acquisitions/s").contains(" FINDING ");
    assertThat(watch.out).containsPattern("FINDING \\w+ (THRASHING|SERIALIZATION) on " + GIL);
    assertThat(watch.out).contains("recording written to " + jfr);

    Cli analysis = Cli.run("analyze", jfr.toString(), "--format", "json");
    assertThat(analysis.exitCode).as(analysis.err).isZero();
    JsonNode root = new ObjectMapper().readTree(analysis.out);
    JsonNode monitor = monitor(root, GIL);
    assertThat(monitor.get("acquisitions").asLong()).isPositive();
    assertThat(kinds(root, GIL)).containsAnyOf("THRASHING", "SERIALIZATION");
    assertThat(child.process.isAlive()).isTrue();
  }

  @Test
  @Order(2)
  void aSecondWatchOfTheSameJvmWorks() throws Exception {
    String before = child.stdout();
    Processes watch = watch(child.pid(), "--duration", "3s");
    assertThat(watch.exitCode).as(watch.err).isZero();
    assertThat(watch.out).contains(GIL + ": ");
    assertThat(child.process.isAlive()).isTrue();
    // the application kept making progress during and after both watches
    child.awaitOutput(before + "steps/s", 10);
  }

  @Test
  @Order(3)
  @SuppressWarnings("BanJNDI") // a JMX client of the test's own child JVM
  void afterTheLastWatchTheProbesGoQuietAndALaterWatchWakesThem() throws Exception {
    VirtualMachine vm = VirtualMachine.attach(child.pid());
    String url;
    try {
      url = vm.startLocalManagementAgent();
    } finally {
      vm.detach();
    }
    try (JMXConnector c = JMXConnectorFactory.connect(new JMXServiceURL(url))) {
      MBeanServerConnection server = c.getMBeanServerConnection();
      ObjectName name = new ObjectName("dev.gilscope:type=Monitor,name=" + GIL);
      ObjectName agent = new ObjectName("dev.gilscope:type=Agent");
      assertThat((String) server.getAttribute(name, "Kind")).isEqualTo("monitor");
      assertThat((String[]) server.getAttribute(agent, "Targets"))
          .containsExactly("monitor=" + GIL);
      assertThat((Integer) server.getAttribute(agent, "ActiveWatches")).isZero();

      // unwatched, the application runs on (millions of steps a second) and nothing is counted
      long quiet = settled(server, name);
      assertThat(quiet).isPositive();
      aSecondOfProgress();
      assertThat((Long) server.getAttribute(name, "Acquisitions")).isEqualTo(quiet);

      // a later watch makes the same counters count again, from where they stopped
      CompletableFuture<Processes> watch =
          CompletableFuture.supplyAsync(() -> watchUnchecked(child.pid(), "--duration", "6s"));
      while ((Integer) server.getAttribute(agent, "ActiveWatches") == 0 && !watch.isDone()) {
        Thread.sleep(100);
      }
      assertThat(watch.isDone()).as("the watch ended before its lease was seen").isFalse();
      long during = (Long) server.getAttribute(name, "Acquisitions");
      assertThat(during).isGreaterThanOrEqualTo(quiet);
      Thread.sleep(1500);
      assertThat((Long) server.getAttribute(name, "Acquisitions")).isGreaterThan(during);
      assertThat((Double) server.getAttribute(name, "Utilization")).isBetween(0.0, 1.0);
      Processes ended = watch.get();
      assertThat(ended.exitCode).as(ended.err).isZero();

      // and quiet again after it
      long after = settled(server, name);
      aSecondOfProgress();
      assertThat((Long) server.getAttribute(name, "Acquisitions")).isEqualTo(after);
    }
  }

  @Test
  @Order(4)
  void theApplicationExitsNormallyWhenTold() throws Exception {
    assertThat(child.quit()).as(child.stderr()).isZero();
    assertThat(child.stdout()).endsWith("done\n");
  }

  @Test
  void anUnknownPidIsOneLineAndExit2() {
    Cli watch = Cli.run("watch", "2147483000", "--monitor", GIL);
    assertThat(watch.exitCode).isEqualTo(2);
    assertThat(watch.err).isEqualTo("gilscope watch: no process with id 2147483000\n");
  }

  @Test
  void aJvmWithAttachDisabledIsOneLineAndExit2() throws Exception {
    try (Child closed = Child.start(dir, "closed", "-XX:+DisableAttachMechanism")) {
      Cli watch = Cli.run("watch", closed.pid(), "--monitor", GIL, "--agent", AGENT.toString());
      assertThat(watch.exitCode).isEqualTo(2);
      assertThat(watch.err)
          .startsWith(
              "gilscope watch: process " + closed.pid() + " has the attach mechanism disabled")
          .hasLineCount(1);
      assertThat(closed.quit()).isZero();
    }
  }

  @Test
  void jmxWatchesAJvmStartedWithTheAgent() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    try (Child remote =
        Child.start(
            dir,
            "remote",
            "-javaagent:" + AGENT + "=monitor=" + GIL,
            "-Dcom.sun.management.jmxremote.port=" + port,
            "-Dcom.sun.management.jmxremote.host=127.0.0.1",
            "-Dcom.sun.management.jmxremote.authenticate=false",
            "-Dcom.sun.management.jmxremote.ssl=false")) {
      Path jfr = dir.resolve("jmx.jfr");
      Processes watch =
          Processes.java(
              dir,
              120,
              "-jar",
              JAR,
              "watch",
              "--jmx",
              "127.0.0.1:" + port,
              "--duration",
              "4s",
              "--record",
              jfr.toString());
      assertThat(watch.exitCode).as(watch.err).isZero();
      assertThat(watch.out).contains(GIL + ": ");
      Cli analysis = Cli.run("analyze", jfr.toString(), "--format", "json");
      assertThat(
              monitor(new ObjectMapper().readTree(analysis.out), GIL).get("acquisitions").asLong())
          .isPositive();
      assertThat(remote.quit()).isZero();
    }
  }

  private static Processes watch(String pid, String... more) throws Exception {
    String[] args = new String[6 + more.length];
    args[0] = "-jar";
    args[1] = JAR;
    args[2] = "watch";
    args[3] = pid;
    args[4] = "--monitor";
    args[5] = GIL;
    System.arraycopy(more, 0, args, 6, more.length);
    return Processes.java(dir, 120, args);
  }

  /**
   * The monitor's acquisitions once the MBean caught up: the agent refreshes its attributes about
   * once a second, so right after a watch ended they may not include its last second yet.
   */
  private static long settled(MBeanServerConnection server, ObjectName name) throws Exception {
    aSecondOfProgress();
    aSecondOfProgress();
    return (Long) server.getAttribute(name, "Acquisitions");
  }

  /** Returns after the application printed two more {@code steps/s} lines: a whole second. */
  private static void aSecondOfProgress() throws Exception {
    for (int line = 0; line < 2; line++) {
      String before = child.stdout();
      child.awaitOutput(before + "steps/s", 10);
    }
  }

  private static Processes watchUnchecked(String pid, String... more) {
    try {
      return watch(pid, more);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode monitor(JsonNode root, String name) {
    for (JsonNode m : root.get("monitors")) {
      if (m.get("name").asText().equals(name)) {
        return m;
      }
    }
    throw new AssertionError("no monitor " + name + " in " + root.get("monitors"));
  }

  private static java.util.List<String> kinds(JsonNode root, String monitor) {
    java.util.List<String> kinds = new java.util.ArrayList<>();
    for (JsonNode f : root.get("findings")) {
      if (f.get("monitor").asText().equals(monitor)) {
        kinds.add(f.get("kind").asText());
      }
    }
    return kinds;
  }
}

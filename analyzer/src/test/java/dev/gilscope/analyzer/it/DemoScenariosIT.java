package dev.gilscope.analyzer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gilscope.analyzer.testing.Cli;
import dev.gilscope.analyzer.testing.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ground truth: each demo scenario recorded under the shaded agent on this machine's cores ({@code
 * --quick}), then analysed. Pathologies must be found with the right victims and causes; fixes and
 * controls must not produce WARNING or CRITICAL findings of the pathology they fix. Skips when the
 * agent or demo jar has not been built (the module can be built alone).
 */
class DemoScenariosIT {
  private static final Path AGENT = Path.of(System.getProperty("gilscope.agent.jar", "-"));
  private static final Path DEMOS = Path.of(System.getProperty("gilscope.demos.jar", "-"));

  @TempDir static Path dir;

  @BeforeAll
  static void jarsBuilt() throws Exception {
    assumeTrue(Files.isRegularFile(AGENT), "agent jar not built: " + AGENT);
    assumeTrue(Files.isRegularFile(DEMOS), "demos jar not built: " + DEMOS);
    // the build skeleton's demos jar has no scenarios yet: nothing to record
    Processes probe =
        Processes.java(
            dir,
            60,
            "-cp",
            DEMOS.toString(),
            "dev.gilscope.demo.DemoMain",
            "agent-options",
            "new-gil");
    assumeTrue(probe.exitCode == 0, "demos jar has no scenarios: " + probe.err.strip());
  }

  @Test
  void newGilIsAConvoyOfTheIoThreadBehindTheCpuThread() throws Exception {
    JsonNode f = finding(record("new-gil"), "CONVOY", "NewGil#GIL");
    assertThat(texts(f.get("victims"))).contains("io-bound-1");
    assertThat(texts(f.get("causes"))).contains("cpu-bound-1");
  }

  @Test
  void oldGilSerializesAndThrashes() throws Exception {
    JsonNode root = record("old-gil");
    // all the interpreter's work is under the GIL: by Amdahl's law two threads gain nothing
    critical(root, "SERIALIZATION", "OldGilInterpreter#GIL");
    assertThat(all(root, "THRASHING", "OldGilInterpreter#GIL")).isPositive();
    // the report leads with the GIL: the JDK-event-only monitors collapse into one line
    Cli text = Cli.run("analyze", dir.resolve("old-gil.jfr").toString());
    assertThat(text.out.lines().filter(l -> l.startsWith("MONITOR ")).findFirst())
        .hasValueSatisfying(l -> assertThat(l).contains("OldGilInterpreter#GIL"));
    assertThat(text.out).doesNotContain("MONITOR java.lang.Thread@");
  }

  @Test
  void jucGilSerializes() throws Exception {
    critical(record("juc-gil"), "SERIALIZATION", "JucGilInterpreter#GIL");
  }

  @Test
  void sessionTableShowsTheContentionOfAJdkClassesMonitor() throws Exception {
    JsonNode root = record("session-table");
    // the waits exist at all only because the agent takes the monitor at the application's call of
    // Hashtable.compute: inside the synchronized JDK method the JVM already holds it
    assertThat(all(root, "THRASHING", "java.util.Hashtable@")).isPositive();
    assertThat(
            severe(root, "THRASHING", "java.util.Hashtable@")
                + severe(root, "SERIALIZATION", "java.util.Hashtable@"))
        .isPositive();
    JsonNode table = busiestMonitor(root, "java.util.Hashtable@");
    assertThat(table.get("contendedAcquisitions").asLong()).as(table.toString()).isPositive();
  }

  @Test
  void countdownIsSerialized() throws Exception {
    // the seeds' headline case: two threads counting under the GIL are no faster than one (the
    // demo measures 0.5-0.95x): CRITICAL is a bound of at most 1.1x on 2 cores
    JsonNode f = critical(record("countdown"), "SERIALIZATION", "Countdown#GIL");
    assertThat(f.get("evidence").get("speedUpBound").asDouble()).isLessThanOrEqualTo(1.1);
  }

  @Test
  void starvationNamesTheStarvedThread() throws Exception {
    JsonNode root = record("starvation");
    // the agent writes threadName/javaThreadId with every thread's statistics, so an ended thread
    // keeps its name: the verdict must name the starved thread, never "(ended threads)"
    assertThat(endedThreadsShare(root, "StarvationWorker#GIL")).isZero();
    JsonNode f = finding(root, "STARVATION", "StarvationWorker#GIL");
    assertThat(texts(f.get("victims"))).containsExactly("starved-1");
    assertThat(texts(f.get("causes"))).isNotEmpty().allMatch(n -> n.startsWith("greedy-"));
  }

  @Test
  void fairGilNeitherThrashesNorStarvesNorConvoys() throws Exception {
    JsonNode root = record("fair-gil");
    // the demo's own verdict: SERIALIZATION may remain (CPU-bound threads under any GIL)
    for (String kind : new String[] {"THRASHING", "STARVATION", "CONVOY"}) {
      assertThat(severe(root, kind, "")).as(kind).isZero();
    }
  }

  @Test
  void ioOutsideAndNoGilHaveNoWarning() throws Exception {
    for (String scenario : new String[] {"io-outside", "no-gil"}) {
      JsonNode root = record(scenario);
      for (String kind : new String[] {"SERIALIZATION", "THRASHING", "STARVATION", "CONVOY"}) {
        assertThat(severe(root, kind, "")).as(scenario + " " + kind).isZero();
      }
    }
  }

  private static JsonNode record(String scenario) throws Exception {
    Processes options =
        Processes.java(
            dir,
            60,
            "-cp",
            DEMOS.toString(),
            "dev.gilscope.demo.DemoMain",
            "agent-options",
            scenario);
    assertThat(options.exitCode).as(options.err).isZero();
    Path jfr = dir.resolve(scenario + ".jfr");
    Processes run =
        Processes.java(
            dir,
            180,
            "-javaagent:" + AGENT + "=" + options.out.trim() + ",file=" + jfr,
            "-jar",
            DEMOS.toString(),
            scenario,
            "--quick");
    assertThat(run.exitCode).as(run.err).isZero();
    Cli analysis = Cli.run("analyze", jfr.toString(), "--format", "json");
    assertThat(analysis.exitCode).as(analysis.err).isZero();
    JsonNode root = new ObjectMapper().readTree(analysis.out);
    RECORDINGS.put(root, jfr);
    return root;
  }

  // each analysis' recording, so that a missing finding can be explained (the verdicts are
  // timing on a shared machine: a run that misses one must say what it saw)
  private static final Map<JsonNode, Path> RECORDINGS = new IdentityHashMap<>();

  /** The scenario's demo output is lost by then; the analysis' text report says what it saw. */
  private static String textReport(JsonNode root) {
    Path jfr = RECORDINGS.get(root);
    if (jfr == null) {
      return "(no recording)";
    }
    try {
      Path kept = Path.of("target", "failed-" + jfr.getFileName());
      Files.copy(jfr, kept, StandardCopyOption.REPLACE_EXISTING);
      return "recording kept as " + kept + "\n" + Cli.run("analyze", jfr.toString()).out;
    } catch (Exception e) {
      return "(no text report: " + e + ")";
    }
  }

  private static JsonNode finding(JsonNode root, String kind, String monitor) {
    for (JsonNode f : root.get("findings")) {
      if (f.get("kind").asText().equals(kind)
          && f.get("monitor").asText().contains(monitor)
          && !f.get("severity").asText().equals("INFO")) {
        return f;
      }
    }
    throw new AssertionError(
        "no "
            + kind
            + " at WARNING or above on "
            + monitor
            + ": "
            + root.get("findings")
            + "\nnotes: "
            + root.get("notes")
            + "\n"
            + textReport(root));
  }

  private static JsonNode critical(JsonNode root, String kind, String monitor) {
    JsonNode f = finding(root, kind, monitor);
    assertThat(f.get("severity").asText()).as(f.toString()).isEqualTo("CRITICAL");
    return f;
  }

  private static int all(JsonNode root, String kind, String monitor) {
    int n = 0;
    for (JsonNode f : root.get("findings")) {
      if (f.get("kind").asText().equals(kind) && f.get("monitor").asText().contains(monitor)) {
        n++;
      }
    }
    return n;
  }

  private static int severe(JsonNode root, String kind, String monitor) {
    int n = 0;
    for (JsonNode f : root.get("findings")) {
      if (f.get("kind").asText().equals(kind)
          && f.get("monitor").asText().contains(monitor)
          && !f.get("severity").asText().equals("INFO")) {
        n++;
      }
    }
    return n;
  }

  private static JsonNode busiestMonitor(JsonNode root, String monitor) {
    JsonNode busiest = null;
    for (JsonNode m : root.get("monitors")) {
      if (m.get("name").asText().contains(monitor)
          && (busiest == null
              || m.get("acquisitions").asLong() > busiest.get("acquisitions").asLong())) {
        busiest = m;
      }
    }
    assertThat(busiest).as("no monitor " + monitor + " in " + root.get("monitors")).isNotNull();
    return busiest;
  }

  private static double endedThreadsShare(JsonNode root, String monitor) {
    for (JsonNode m : root.get("monitors")) {
      if (m.get("name").asText().contains(monitor)) {
        for (JsonNode t : m.get("threads")) {
          if (t.get("name").asText().equals("(ended threads)")) {
            return t.get("shareOfAcquisitions").asDouble();
          }
        }
      }
    }
    return 0;
  }

  private static List<String> texts(JsonNode array) {
    List<String> list = new ArrayList<>();
    array.forEach(n -> list.add(n.asText()));
    return list;
  }
}

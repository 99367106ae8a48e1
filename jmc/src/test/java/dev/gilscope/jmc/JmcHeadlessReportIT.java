package dev.gilscope.jmc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gilscope.analyzer.detect.Detectors;
import dev.gilscope.analyzer.detect.MonitorIdentity;
import dev.gilscope.analyzer.model.Finding;
import dev.gilscope.analyzer.model.FindingKind;
import dev.gilscope.analyzer.read.RecordingReader;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules as JMC runs them headless: {@code java -cp "jmc-lib/*:gilscope-jmc.jar"
 * org.openjdk.jmc.flightrecorder.rules.report.html.JfrHtmlRulesReport <recording> <out.html>} in a
 * child JVM, jmc-lib holding JMC 9.1.1's flightrecorder.rules.jdk and its dependencies (copied by
 * the build), the packaged jar the only gilscope code on the class path; the scores are read from
 * the HTML report JMC writes.
 */
class JmcHeadlessReportIT {
  private static final String REPORT =
      "org.openjdk.jmc.flightrecorder.rules.report.html.JfrHtmlRulesReport";
  private static final Map<FindingKind, String> RULE_IDS =
      Map.of(
          FindingKind.SERIALIZATION, "GilscopeSerialization",
          FindingKind.THRASHING, "GilscopeThrashing",
          FindingKind.CONVOY, "GilscopeConvoy",
          FindingKind.STARVATION, "GilscopeStarvation");

  @TempDir Path dir;

  @Test
  void theOldGilDemoScoresSerializationAsAWarning() throws Exception {
    Report r = report(Fixtures.file("agent-jdk17-old-gil.jfr"));

    assertThat(r.score(FindingKind.SERIALIZATION)).isGreaterThanOrEqualTo(75);
    assertThat(r.score(FindingKind.THRASHING)).isGreaterThanOrEqualTo(75);
    assertThat(r.score(FindingKind.CONVOY)).isLessThan(25);
    assertThat(r.score(FindingKind.STARVATION)).isLessThan(25);
    // JMC's own lock rule ran beside them, and says nothing about this GIL
    assertThat(r.score("JavaBlocking")).isLessThan(25);
  }

  @Test
  void theJucGilDemoOnJdk25ScoresSerializationAsAWarning() throws Exception {
    Report r = report(Fixtures.file("agent-jdk25-juc-gil.jfr"));

    assertThat(r.score(FindingKind.SERIALIZATION)).isGreaterThanOrEqualTo(75);
    assertThat(r.score(FindingKind.STARVATION)).isLessThan(25);
  }

  @Test
  void theStarvationDemoScoresStarvationAsAWarning() throws Exception {
    Report r = report(Fixtures.file("agent-jdk17-starvation.jfr"));

    assertThat(r.score(FindingKind.STARVATION)).isGreaterThanOrEqualTo(75);
    assertThat(r.score(FindingKind.SERIALIZATION)).isLessThan(25);
  }

  @Test
  void aRecordingWithoutGilFindingsScoresBelow25OnEveryRule() throws Exception {
    // the JDK's own lock events of the old-GIL demo: too little to judge, so no finding
    Report r = report(Fixtures.file("jdk-only-old-gil.jfr"));

    for (FindingKind kind : FindingKind.values()) {
      assertThat(r.score(kind)).as(kind.name()).isLessThan(25);
    }
  }

  @Test
  void theResultTextCarriesTheFindingsSummaryEvidenceAndAdvice() throws Exception {
    Path recording = Fixtures.file("agent-jdk17-old-gil.jfr");
    Report r = report(recording);
    Finding serialization =
        analyze(recording).stream()
            .filter(f -> f.kind() == FindingKind.SERIALIZATION)
            .findFirst()
            .orElseThrow();

    String text = r.text(FindingKind.SERIALIZATION);
    assertThat(text)
        .contains(serialization.summary())
        .contains(serialization.advice())
        .contains("Evidence: utilization=")
        .contains("Victims: " + String.join(", ", serialization.victims()));
  }

  static List<Path> recordings() throws Exception {
    return Fixtures.recordings();
  }

  /** On every recording, each rule's score is the band of analyze's most severe finding. */
  @ParameterizedTest
  @MethodSource("recordings")
  void eachRuleScoresTheSeverityAnalyzeFinds(Path recording) throws Exception {
    Report r = report(recording);
    Map<FindingKind, Finding> worst = new EnumMap<>(FindingKind.class);
    for (Finding f : analyze(recording)) {
      worst.putIfAbsent(f.kind(), f); // most severe first
    }
    for (FindingKind kind : FindingKind.values()) {
      Finding f = worst.get(kind);
      double score = r.score(kind);
      if (f == null) {
        assertThat(score).as(kind + " (no finding)").isLessThan(25);
      } else {
        switch (f.severity()) {
          case CRITICAL, WARNING -> assertThat(score).as(kind.name()).isGreaterThanOrEqualTo(75);
          case INFO -> assertThat(score).as(kind.name()).isBetween(25.0, 74.0);
        }
      }
    }
  }

  private Report report(Path recording) throws Exception {
    Path html = dir.resolve(recording.getFileName() + ".html");
    // JMC's jars as the build copied them (java's "dir/*" class path form), then the rules' jar
    String classPath =
        Path.of(System.getProperty("gilscope.jmc.lib"), "*")
            + File.pathSeparator
            + System.getProperty("gilscope.jmc.jar");
    Path log = dir.resolve(recording.getFileName() + ".log");
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                classPath,
                REPORT,
                recording.toString(),
                html.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("JfrHtmlRulesReport did not end: " + Files.readString(log));
    }
    String output = Files.readString(log);
    assertThat(p.exitValue()).as(output).isZero();
    // JMC logs a rule that threw as a warning and leaves it out of the report
    assertThat(output).as(output).doesNotContain("Error while evaluating rule");
    return new Report(Files.readString(html, StandardCharsets.UTF_8));
  }

  private static List<Finding> analyze(Path recording) throws Exception {
    RecordingReader.ReadResult read =
        new RecordingReader(1, RecordingReader.DEFAULT_WINDOW_NANOS, null).read(recording);
    return Detectors.diagnose(
            Detectors.all(), MonitorIdentity.merge(read.monitors()).monitors(), read.recording())
        .findings();
  }

  /** JMC's HTML report: one {@code div.rule} per rule, named by the rule's id. */
  record Report(String html) {
    double score(FindingKind kind) {
      return score(RULE_IDS.get(kind));
    }

    double score(String ruleId) {
      Matcher m =
          Pattern.compile(
                  "name=\""
                      + ruleId
                      + "_score_value\"[^>]*class=\"rule_score_value\">([^<]*)</div>")
              .matcher(html);
      assertThat(m.find()).as("rule " + ruleId + " in the report").isTrue();
      String value = m.group(1).trim();
      return value.equals("N/A") ? -1 : Double.parseDouble(value);
    }

    /** The rule's summary, explanation and solution, tags removed, entities decoded. */
    String text(FindingKind kind) {
      String id = RULE_IDS.get(kind);
      Matcher m =
          Pattern.compile("name=\"" + id + "_text\"[^>]*>(.*?)</div>\\s*</div>", Pattern.DOTALL)
              .matcher(html);
      assertThat(m.find()).as("text of rule " + id).isTrue();
      return m.group(1)
          .replaceAll("<[^>]+>", " ")
          .replace("&#39;", "'")
          .replace("&quot;", "\"")
          .replace("&lt;", "<")
          .replace("&gt;", ">")
          .replace("&amp;", "&")
          .replaceAll("\\s+", " ");
    }
  }
}

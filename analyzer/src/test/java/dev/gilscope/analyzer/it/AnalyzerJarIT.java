package dev.gilscope.analyzer.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gilscope.analyzer.testing.Processes;
import dev.gilscope.analyzer.testing.Recordings;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar, run as users run it: {@code java -jar gilscope-analyzer.jar analyze ...}. */
class AnalyzerJarIT {
  private static final String JAR = System.getProperty("gilscope.analyzer.jar");

  @TempDir Path dir;

  @Test
  void badInputIsOneLineAndExit2() throws Exception {
    Path empty = Files.createFile(dir.resolve("empty.jfr"));
    Processes p = Processes.java(dir, 60, "-jar", JAR, "analyze", empty.toString());
    assertThat(p.exitCode).isEqualTo(2);
    assertThat(p.err).isEqualTo("gilscope analyze: file is empty '" + empty + "'\n");
    assertThat(p.out).isEmpty();
  }

  @Test
  void validRecordingWithoutLockEventsIsExit0() throws Exception {
    Path file = Recordings.withoutLockEvents(dir);
    Processes p = Processes.java(dir, 60, "-jar", JAR, "analyze", file.toString());
    assertThat(p.exitCode).isZero();
    assertThat(p.out).contains("No lock events in this recording");
  }

  @Test
  void htmlIsOneSelfContainedPage() throws Exception {
    Path file = Recordings.withoutLockEvents(dir);
    Path html = dir.resolve("r.html");
    Processes p =
        Processes.java(
            dir,
            60,
            "-jar",
            JAR,
            "analyze",
            file.toString(),
            "--format",
            "html",
            "--output",
            html.toString());
    assertThat(p.exitCode).isZero();
    assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").doesNotContain("src=\"http");
  }
}

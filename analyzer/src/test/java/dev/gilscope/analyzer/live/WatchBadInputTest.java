package dev.gilscope.analyzer.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gilscope.analyzer.testing.Cli;
import org.junit.jupiter.api.Test;

/** The watch's refusals that need no JVM: one line, exit 2. */
class WatchBadInputTest {
  @Test
  void aPidThatIsNotANumber() {
    Cli c = Cli.run("watch", "abc", "--monitor", "a.B#C");
    assertThat(c.exitCode).isEqualTo(2);
    assertThat(c.err).isEqualTo("gilscope watch: 'abc' is not a process id\n");
  }

  @Test
  void nothingToWatch() {
    Cli c = Cli.run("watch", "12");
    assertThat(c.exitCode).isEqualTo(2);
    assertThat(c.err)
        .isEqualTo(
            "gilscope watch: name what to watch: --monitor <class>#<field> or --lock"
                + " <class>#<field>\n");
  }

  @Test
  void aBadInterval() {
    Cli c = Cli.run("watch", "12", "--monitor", "a.B#C", "--interval", "soon");
    assertThat(c.exitCode).isEqualTo(2);
    assertThat(c.err)
        .isEqualTo("gilscope watch: --interval soon: not a duration, use e.g. 500ms, 30s or 5m\n");
  }

  @Test
  void aBadJmxAddress() {
    Cli c = Cli.run("watch", "--jmx", "nowhere");
    assertThat(c.exitCode).isEqualTo(2);
    assertThat(c.err)
        .isEqualTo("gilscope watch: --jmx nowhere: use HOST:PORT, e.g. --jmx localhost:9010\n");
  }

  @Test
  void anUnknownOptionShowsTheWatchUsage() {
    Cli c = Cli.run("watch", "12", "--monitr", "a.B#C");
    assertThat(c.exitCode).isEqualTo(2);
    assertThat(c.err).startsWith("gilscope watch: unknown option '--monitr'");
    assertThat(c.err.lines().skip(1).findFirst()).hasValue(WatchCommand.USAGE);
  }

  @Test
  void durations() throws WatchException {
    assertThat(Durations.parseNanos("--interval", "500ms")).isEqualTo(500_000_000L);
    assertThat(Durations.parseNanos("--duration", "30s")).isEqualTo(30_000_000_000L);
    assertThat(Durations.parseNanos("--duration", "2m")).isEqualTo(120_000_000_000L);
    assertThatThrownBy(() -> Durations.parseNanos("--duration", "0s"))
        .hasMessage("--duration 0s: must be more than 0");
  }
}

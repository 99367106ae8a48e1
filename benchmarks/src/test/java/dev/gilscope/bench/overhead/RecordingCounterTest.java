package dev.gilscope.bench.overhead;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gilscope.contract.GilscopeEvents;
import java.nio.file.Path;
import jdk.jfr.Event;
import jdk.jfr.Name;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RecordingCounter counts the agent's events by the contract's type and field names. */
class RecordingCounterTest {
  @Name(GilscopeEvents.MONITOR_STATISTICS)
  static final class Statistics extends Event {
    long acquisitions;
  }

  @Name(GilscopeEvents.MONITOR_ACQUIRE)
  static final class Acquire extends Event {}

  @Name(GilscopeEvents.MONITOR_HOLD)
  static final class Hold extends Event {}

  @Test
  void sumsTheStatisticsAcquisitionsAndCountsThePerAcquisitionEvents(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("counted.jfr");
    try (Recording r = new Recording()) {
      r.enable(Statistics.class);
      r.enable(Acquire.class);
      r.enable(Hold.class);
      r.start();
      for (long acquisitions : new long[] {5, 7}) {
        Statistics s = new Statistics();
        s.acquisitions = acquisitions;
        s.commit();
      }
      new Acquire().commit();
      new Hold().commit();
      new Hold().commit();
      r.stop();
      r.dump(file);
    }

    RecordingCount count = RecordingCounter.count(file);

    assertThat(count.present()).isTrue();
    assertThat(count.gilscopeStatisticsAcquisitions()).isEqualTo(12);
    assertThat(count.gilscopeStatisticsEvents()).isEqualTo(2);
    assertThat(count.gilscopeAcquireEvents()).isEqualTo(1);
    assertThat(count.gilscopeHoldEvents()).isEqualTo(2);
  }
}

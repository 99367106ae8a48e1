package dev.gilscope.analyzer.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gilscope.analyzer.model.Counters;
import dev.gilscope.analyzer.model.Metric;
import dev.gilscope.analyzer.model.MonitorStats;
import dev.gilscope.analyzer.testing.Cli;
import dev.gilscope.analyzer.testing.FakeAgentEvents;
import dev.gilscope.analyzer.testing.Recordings;
import dev.gilscope.contract.GilscopeEvents;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recording of agent-shaped events written in-process: exact counts are the sums of the
 * statistics deltas, acquisitions without an acquire event count as zero waits, blame goes to the
 * previous owner.
 */
class SyntheticRecordingTest {
  @TempDir Path dir;

  @Test
  void classAndKindComeFromTheStatisticsEventsEvenAfterAcquiresOfTheSameMonitor() throws Exception {
    Path file =
        Recordings.record(
            dir.resolve("kind.jfr"),
            () -> {
              // as the agent writes them: the hot events name the monitor but carry no class/kind
              FakeAgentEvents.MonitorAcquire a = new FakeAgentEvents.MonitorAcquire();
              a.monitor(9, "com.acme.Store#lock (ReentrantLock)");
              a.commit();
              FakeAgentEvents.MonitorStatistics s = new FakeAgentEvents.MonitorStatistics();
              s.monitor(
                  9,
                  "com.acme.Store#lock (ReentrantLock)",
                  java.util.concurrent.locks.ReentrantLock.class,
                  GilscopeEvents.KIND_LOCK);
              s.acquisitions = 1;
              s.commit();
            },
            GilscopeEvents.MONITOR_STATISTICS,
            GilscopeEvents.MONITOR_ACQUIRE);

    Cli r = Cli.run("analyze", file.toString(), "--format", "json");

    assertThat(r.exitCode).as(r.err).isZero();
    JsonNode monitor = new ObjectMapper().readTree(r.out).get("monitors").get(0);
    assertThat(monitor.get("kind").asText()).isEqualTo("lock");
    assertThat(monitor.get("class").asText()).isEqualTo("java.util.concurrent.locks.ReentrantLock");
  }

  @Test
  void aLongWaitCountsInEveryWindowItSpans() throws Exception {
    Path file =
        Recordings.record(
            dir.resolve("long-wait.jfr"),
            () -> {
              FakeAgentEvents.MonitorAcquire a = new FakeAgentEvents.MonitorAcquire();
              a.begin();
              LockSupport.parkNanos(350_000_000L);
              a.monitor(9, "com.acme.Interp#GIL");
              a.contended = true;
              a.commit();
            },
            GilscopeEvents.MONITOR_ACQUIRE);
    // the wait as the file has it (the JDK's parser), not as a clock beside it measured it: a
    // loaded machine preempts the test between the event's clock and its own
    List<RecordedEvent> events =
        RecordingFile.readAllEvents(file).stream()
            .filter(e -> e.getEventType().getName().equals(GilscopeEvents.MONITOR_ACQUIRE))
            .toList();
    assertThat(events).hasSize(1);
    long waitNanos = events.get(0).getDuration().toNanos();
    assertThat(waitNanos).isGreaterThanOrEqualTo(350_000_000L);

    long window = 100_000_000L;
    RecordingReader.ReadResult read =
        new RecordingReader(1, window, null, RecordingReader.Parser.AUTO).read(file);

    MonitorStats m = read.monitors().get(0);
    long total = m.totals().get(Metric.WAITING_NANOS);
    assertThat(total).isCloseTo(waitNanos, within(1_000L)); // ticks to nanoseconds, rounded
    long sum = 0;
    int windows = 0;
    for (Counters c : m.windows().all().values()) {
      long part = c.get(Metric.WAITING_NANOS);
      assertThat(part).isBetween(0L, window);
      sum += part;
      windows += part > 0 ? 1 : 0;
    }
    assertThat(sum).isEqualTo(total);
    assertThat(windows).isGreaterThanOrEqualTo(4); // 350 ms over 100 ms windows
  }

  @Test
  void exactCountsAreSumsOfDeltas() throws Exception {
    java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
    Thread other = new Thread(() -> awaitQuietly(done), "holder-1");
    other.start();
    Path file =
        Recordings.record(
            dir.resolve("synthetic.jfr"),
            () -> {
              for (int period = 1; period <= 3; period++) {
                FakeAgentEvents.MonitorStatistics s = new FakeAgentEvents.MonitorStatistics();
                s.monitor(7, "com.acme.Interp#GIL");
                s.acquisitions = 100L * period;
                s.contendedAcquisitions = 10;
                s.handoffs = 5;
                s.timedHolds = 10;
                s.totalHold = 10_000;
                s.timedWaits = 10;
                s.totalWait = 50_000;
                s.commit();
                FakeAgentEvents.ThreadMonitorStatistics t =
                    new FakeAgentEvents.ThreadMonitorStatistics();
                t.monitor(7, "com.acme.Interp#GIL");
                t.thread = Thread.currentThread();
                t.requests = 100L * period;
                t.acquisitions = 100L * period;
                t.contendedAcquisitions = 10;
                t.commit();
              }
              for (int i = 0; i < 30; i++) {
                FakeAgentEvents.MonitorAcquire a = new FakeAgentEvents.MonitorAcquire();
                a.begin();
                a.monitor(7, "com.acme.Interp#GIL");
                a.contended = true;
                a.previousOwner = other;
                long until = System.nanoTime() + 2_000;
                while (System.nanoTime() < until) {
                  Thread.onSpinWait();
                }
                a.end();
                a.commit();
              }
              FakeAgentEvents.MonitorHold h = new FakeAgentEvents.MonitorHold();
              h.begin();
              h.monitor(7, "com.acme.Interp#GIL");
              h.end();
              h.commit();
            },
            GilscopeEvents.MONITOR_STATISTICS,
            GilscopeEvents.THREAD_MONITOR_STATISTICS,
            GilscopeEvents.MONITOR_ACQUIRE,
            GilscopeEvents.MONITOR_HOLD);
    done.countDown();

    Cli r = Cli.run("analyze", file.toString(), "--format", "json");

    assertThat(r.err).isEmpty();
    assertThat(r.exitCode).isZero();
    JsonNode root = new ObjectMapper().readTree(r.out);
    assertThat(root.at("/recording/sources/0").asText()).isEqualTo("gilscope");
    assertThat(root.at("/recording/cpuCores").asInt())
        .isEqualTo(Runtime.getRuntime().availableProcessors());
    JsonNode m = root.at("/monitors/0");
    assertThat(m.get("name").asText()).isEqualTo("com.acme.Interp#GIL");
    assertThat(m.get("acquisitions").asLong()).isEqualTo(600);
    assertThat(m.get("contendedAcquisitions").asLong()).isEqualTo(30);
    assertThat(m.get("handoffs").asLong()).isEqualTo(15);
    assertThat(m.at("/wait/count").asLong()).isEqualTo(600);
    assertThat(m.at("/wait/note").asText())
        .isEqualTo("570 acquisitions without an acquire event counted as zero waits");
    assertThat(m.at("/hold/note").asText()).isEqualTo("from 1 timed holds of 600 acquisitions");
    JsonNode thread = m.at("/threads/0");
    assertThat(thread.get("name").asText()).isEqualTo(Thread.currentThread().getName());
    assertThat(thread.get("acquisitions").asLong()).isEqualTo(600);
    assertThat(thread.get("shareOfAcquisitions").asDouble()).isEqualTo(1.0);
    assertThat(thread.at("/waitedBehindNanos/holder-1").asLong()).isPositive();
    assertThat(root.get("findings").isArray()).isTrue();
  }

  private static void awaitQuietly(java.util.concurrent.CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void failOnGateExits3OnlyForTheKindsFound() throws Exception {
    java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
    Thread other = new Thread(() -> awaitQuietly(done), "interp-2");
    other.start();
    Path file =
        Recordings.record(
            dir.resolve("serialized.jfr"),
            () -> {
              FakeAgentEvents.MonitorStatistics s = new FakeAgentEvents.MonitorStatistics();
              s.monitor(9, "com.acme.Gil#LOCK");
              s.acquisitions = 100_000;
              s.contendedAcquisitions = 50_000;
              s.barging = 40_000;
              s.timedHolds = 100_000;
              s.totalHold = 60_000_000_000L; // far more than the recording: held all the time
              s.commit();
              for (Thread thread : new Thread[] {Thread.currentThread(), other}) {
                FakeAgentEvents.ThreadMonitorStatistics t =
                    new FakeAgentEvents.ThreadMonitorStatistics();
                t.monitor(9, "com.acme.Gil#LOCK");
                t.thread = thread;
                t.requests = 50_000;
                t.acquisitions = 50_000;
                t.commit();
              }
            },
            GilscopeEvents.MONITOR_STATISTICS,
            GilscopeEvents.THREAD_MONITOR_STATISTICS);
    done.countDown();

    assertThat(Cli.run("analyze", file.toString(), "--fail-on", "serialization").exitCode)
        .isEqualTo(3);
    assertThat(Cli.run("analyze", file.toString(), "--fail-on", "CONVOY,STARVATION").exitCode)
        .isZero();
    Cli text = Cli.run("analyze", file.toString());
    assertThat(text.out).contains("[CRITICAL] SERIALIZATION on com.acme.Gil#LOCK");
  }
}

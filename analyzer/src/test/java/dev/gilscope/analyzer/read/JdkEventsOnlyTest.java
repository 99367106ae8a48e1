package dev.gilscope.analyzer.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gilscope.analyzer.testing.Cli;
import dev.gilscope.analyzer.testing.Recordings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recording made without gilscope: the JDK's jdk.JavaMonitorEnter and jdk.ThreadPark at threshold
 * 0 over a contended synchronized block and a contended ReentrantLock. What can be derived is
 * reported; what cannot is null and listed as unavailable.
 */
class JdkEventsOnlyTest {
  private static final Object MONITOR = new Object();
  private static final ReentrantLock LOCK = new ReentrantLock();

  @TempDir Path dir;

  @Test
  void contendedWaitsAndPreviousOwnersWithoutInventedCounts() throws Exception {
    Path file =
        Recordings.record(
            dir.resolve("jdk.jfr"),
            JdkEventsOnlyTest::contend,
            "jdk.JavaMonitorEnter",
            "jdk.ThreadPark");

    Cli r = Cli.run("analyze", file.toString(), "--format", "json");

    assertThat(r.exitCode).isZero();
    JsonNode root = new ObjectMapper().readTree(r.out);
    assertThat(root.at("/recording/unavailable/0").asText())
        .contains(
            "acquisitions, holds, utilization, handoffs, barging and pass-overs are unavailable");
    JsonNode monitor = null;
    JsonNode lock = null;
    for (JsonNode m : root.get("monitors")) {
      if (m.get("name").asText().startsWith(JdkEventsOnlyTest.class.getName() + "@")
          || m.get("class").asText().equals("java.lang.Object")) {
        monitor = monitor == null ? m : monitor;
      }
      if (m.get("class").asText().startsWith("java.util.concurrent.locks.ReentrantLock")) {
        lock = m;
      }
    }
    assertThat(monitor).as("the contended monitor").isNotNull();
    assertThat(monitor.get("source").asText())
        .isEqualTo("jdk.JavaMonitorEnter/jdk.JavaMonitorWait");
    assertThat(monitor.get("acquisitions").isNull()).isTrue();
    assertThat(monitor.get("utilization").isNull()).isTrue();
    assertThat(monitor.at("/hold/count").isNull()).isTrue();
    assertThat(monitor.get("contendedAcquisitions").asLong()).isPositive();
    assertThat(monitor.at("/wait/count").asLong())
        .isEqualTo(monitor.get("contendedAcquisitions").asLong());
    boolean someoneBlamed = false;
    for (JsonNode t : monitor.get("threads")) {
      someoneBlamed |= t.get("waitedBehindNanos").size() > 0;
    }
    assertThat(someoneBlamed).as("previousOwner blame").isTrue();
    assertThat(lock).as("the contended ReentrantLock, from jdk.ThreadPark").isNotNull();
    assertThat(lock.get("contendedAcquisitions").asLong()).isPositive();

    Cli text = Cli.run("analyze", file.toString());
    assertThat(text.out)
        .contains("acquisitions, holds and utilization unavailable from this source");
  }

  private static void contend() {
    List<Thread> threads = new ArrayList<>();
    // all three start together: on a loaded machine a thread started a few milliseconds late
    // would find the others done, and nothing contended
    CountDownLatch start = new CountDownLatch(1);
    for (int i = 0; i < 3; i++) {
      Thread t =
          new Thread(
              () -> {
                try {
                  start.await();
                } catch (InterruptedException e) {
                  return;
                }
                for (int n = 0; n < 1000; n++) {
                  synchronized (MONITOR) {
                    spin(20_000);
                  }
                  LOCK.lock();
                  try {
                    spin(20_000);
                  } finally {
                    LOCK.unlock();
                  }
                }
              },
              "worker-" + i);
      threads.add(t);
      t.start();
    }
    start.countDown();
    for (Thread t : threads) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void spin(long nanos) {
    long until = System.nanoTime() + nanos;
    while (System.nanoTime() < until) {
      Thread.onSpinWait();
    }
  }
}

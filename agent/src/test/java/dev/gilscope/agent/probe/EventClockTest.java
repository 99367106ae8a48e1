package dev.gilscope.agent.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gilscope.agent.event.MonitorHold;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;

/**
 * The start-up check that lets holds be timed by their events' own durations: each single check
 * must pass on a machine whose cores are all busy, or the agent times its holds with its own clock
 * (which read a third more than the hold events showed in one CI run).
 */
class EventClockTest {
  @Test
  void theEventsDurationMeasuresLikeNanoTimeWhileEveryCoreIsBusy() throws Exception {
    assumeTrue(System.getProperty("os.name").startsWith("Linux"), "JFR ticks are nanos on Linux");
    AtomicBoolean stop = new AtomicBoolean();
    List<Thread> spinners = new ArrayList<>();
    try (Recording recording = new Recording()) {
      recording.start();
      FlightRecorder.register(MonitorHold.class); // instrumented, as under the agent
      for (int i = 0; i <= Runtime.getRuntime().availableProcessors(); i++) {
        Thread spinner =
            new Thread(
                () -> {
                  while (!stop.get()) {
                    Thread.onSpinWait();
                  }
                });
        spinner.setDaemon(true);
        spinner.start();
        spinners.add(spinner);
      }
      int failed = 0;
      for (int i = 0; i < 200; i++) {
        if (!EventClock.measuresLikeNanoTime()) {
          failed++;
        }
      }
      assertThat(failed).as("checks that failed of 200").isZero();
    } finally {
      stop.set(true);
      for (Thread spinner : spinners) {
        spinner.join();
      }
    }
  }
}

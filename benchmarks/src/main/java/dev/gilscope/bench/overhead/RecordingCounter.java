package dev.gilscope.bench.overhead;

import dev.gilscope.bench.workload.InterpreterLock;
import dev.gilscope.contract.GilscopeEvents;
import dev.gilscope.contract.GilscopeFields;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * Streams a run's {@code .jfr} file once and counts what it recorded of the workload's lock. Called
 * on the harness's main thread between runs, never while a measured run is going; reading a {@code
 * detail=all} recording of millions of events takes seconds.
 */
final class RecordingCounter {
  static final String JDK_MONITOR_ENTER_EVENT = "jdk.JavaMonitorEnter";

  private RecordingCounter() {}

  static RecordingCount count(Path recording) {
    if (!Files.isRegularFile(recording)) {
      return RecordingCount.NOT_RECORDED;
    }
    long startNanos = System.nanoTime();
    long statisticsAcquisitions = 0;
    long statisticsEvents = 0;
    long acquireEvents = 0;
    long holdEvents = 0;
    long monitorEnterEvents = 0;
    long totalEvents = 0;
    try (RecordingFile file = new RecordingFile(recording)) {
      while (file.hasMoreEvents()) {
        RecordedEvent event = file.readEvent();
        totalEvents++;
        switch (event.getEventType().getName()) {
          case GilscopeEvents.MONITOR_STATISTICS -> {
            statisticsEvents++;
            if (event.hasField(GilscopeFields.ACQUISITIONS)) {
              statisticsAcquisitions += event.getLong(GilscopeFields.ACQUISITIONS);
            }
          }
          case GilscopeEvents.MONITOR_ACQUIRE -> acquireEvents++;
          case GilscopeEvents.MONITOR_HOLD -> holdEvents++;
          case JDK_MONITOR_ENTER_EVENT -> {
            if (isWorkloadLock(event)) {
              monitorEnterEvents++;
            }
          }
          default -> {
            // other events (CPU load, threads, GC, ...) only add to the total
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      return RecordingCount.unreadable(recording.getFileName() + ": " + e);
    }
    return new RecordingCount(
        true,
        statisticsAcquisitions,
        statisticsEvents,
        acquireEvents,
        holdEvents,
        monitorEnterEvents,
        totalEvents,
        System.nanoTime() - startNanos,
        null);
  }

  private static boolean isWorkloadLock(RecordedEvent event) {
    if (!event.hasField("monitorClass")) {
      return false;
    }
    RecordedClass monitorClass = event.getClass("monitorClass");
    return monitorClass != null && InterpreterLock.class.getName().equals(monitorClass.getName());
  }
}

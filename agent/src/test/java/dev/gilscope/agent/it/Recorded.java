package dev.gilscope.agent.it;

import dev.gilscope.contract.GilscopeEvents;
import dev.gilscope.contract.GilscopeFields;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/** A recording read back into memory (test recordings are small). */
final class Recorded {
  final List<RecordedEvent> events;

  Recorded(Path file) throws IOException {
    this.events = RecordingFile.readAllEvents(file);
  }

  List<RecordedEvent> of(String type) {
    return events.stream()
        .filter(e -> e.getEventType().getName().equals(type))
        .collect(Collectors.toList());
  }

  List<RecordedEvent> of(String type, Predicate<String> monitorName) {
    return events.stream()
        .filter(e -> e.getEventType().getName().equals(type))
        .filter(e -> monitorName.test(e.getString(GilscopeFields.MONITOR_NAME)))
        .collect(Collectors.toList());
  }

  List<RecordedEvent> of(String type, String monitorName) {
    return of(type, monitorName::equals);
  }

  /** Sum of a long field of the statistics (or other) events of one monitor. */
  long sum(String type, Predicate<String> monitorName, String field) {
    return of(type, monitorName).stream().mapToLong(e -> e.getLong(field)).sum();
  }

  long stat(String monitorName, String field) {
    return sum(GilscopeEvents.MONITOR_STATISTICS, monitorName::equals, field);
  }
}

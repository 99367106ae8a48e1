package dev.gilscope.demo.tour;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * The tour's stand-in for the analyzer while it is not built: counts a recording's events per type
 * with {@link RecordingFile}, gilscope's own events first. Streams the file one event at a time.
 */
final class RecordingSummary {
  private static final String GILSCOPE_PREFIX = "gilscope.";

  /** The JDK's own lock events, which the analyzer can also read. */
  private static final Set<String> LOCK_EVENTS =
      Set.of("jdk.JavaMonitorEnter", "jdk.JavaMonitorWait", "jdk.ThreadPark");

  private RecordingSummary() {}

  /** Event counts by type name, sorted by name. */
  static Map<String, Long> countByType(Path recording) throws IOException {
    Map<String, Long> counts = new TreeMap<>();
    try (RecordingFile file = new RecordingFile(recording)) {
      while (file.hasMoreEvents()) {
        RecordedEvent event = file.readEvent();
        counts.merge(event.getEventType().getName(), 1L, Long::sum);
      }
    }
    return counts;
  }

  static void print(Map<String, Long> counts, String indent, PrintStream out) {
    long gilscopeEvents = 0;
    long otherEvents = 0;
    int otherTypes = 0;
    for (Map.Entry<String, Long> entry : counts.entrySet()) {
      String type = entry.getKey();
      if (type.startsWith(GILSCOPE_PREFIX)) {
        gilscopeEvents += entry.getValue();
      }
      if (type.startsWith(GILSCOPE_PREFIX) || LOCK_EVENTS.contains(type)) {
        out.printf("%s%-40s %,12d%n", indent, type, entry.getValue());
      } else {
        otherEvents += entry.getValue();
        otherTypes++;
      }
    }
    if (gilscopeEvents == 0) {
      out.println(indent + "(no gilscope events in this recording)");
    }
    out.printf("%s%,d other events of %d JDK types%n", indent, otherEvents, otherTypes);
  }
}

package dev.gilscope.demo.tour;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * The tour's stand-in for the analyzer while it is not built: counts a recording's events per type
 * with {@link RecordingFile}, gilscope's own events first. Streams the file one event at a time.
 */
final class RecordingSummary {
  private static final String GILSCOPE_PREFIX = "gilscope.";
  private static final int OTHER_TYPES_SHOWN = 8;

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
    for (Map.Entry<String, Long> entry : counts.entrySet()) {
      if (entry.getKey().startsWith(GILSCOPE_PREFIX)) {
        out.printf("%s%-40s %,12d%n", indent, entry.getKey(), entry.getValue());
        gilscopeEvents += entry.getValue();
      }
    }
    if (gilscopeEvents == 0) {
      out.println(indent + "(no gilscope events in this recording)");
    }
    counts.entrySet().stream()
        .filter(e -> !e.getKey().startsWith(GILSCOPE_PREFIX))
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(OTHER_TYPES_SHOWN)
        .forEach(e -> out.printf("%s%-40s %,12d%n", indent, e.getKey(), e.getValue()));
    long others =
        counts.entrySet().stream().filter(e -> !e.getKey().startsWith(GILSCOPE_PREFIX)).count();
    if (others > OTHER_TYPES_SHOWN) {
      out.printf("%s(and %d more JDK event types)%n", indent, others - OTHER_TYPES_SHOWN);
    }
  }
}

package dev.gilscope.analyzer.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gilscope.contract.EventSchema;
import dev.gilscope.contract.GilscopeEvents;
import dev.gilscope.contract.Unit;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.commons.ClassRemapper;
import net.bytebuddy.jar.asm.commons.Remapper;
import org.junit.jupiter.api.Test;

/**
 * The analyzer and the event contract agree: every field of every gilscope event type is either
 * read by the analyzer or listed below as ignored, with the reason; the analyzer reads no field the
 * contract lacks, and reads each with the accessor its unit calls for. What the analyzer reads is
 * observed, not declared: each event type's handler runs on an event that records every field it is
 * asked for, so a new read anywhere in the handlers is seen without a list to keep up to date.
 */
class EventContractReadTest {
  private static final String CLASS_AND_KIND =
      "the MonitorStatistics of the same monitorId describe the monitor";

  /** Event types the analyzer does not subscribe to, with the reason. */
  static final Map<String, String> IGNORED_TYPES =
      Map.of(
          GilscopeEvents.MONITOR_TRY_LOCK_FAILED,
          "MonitorStatistics.failedTryLocks counts failed tryLocks exactly; no finding needs each one");

  /** Fields ({@code type.field}) of the subscribed types that the analyzer does not read. */
  static final Map<String, String> IGNORED =
      Map.ofEntries(
          ignored(GilscopeEvents.MONITOR_ACQUIRE, "sequence", "order within a monitor: no use yet"),
          ignored(
              GilscopeEvents.MONITOR_ACQUIRE, "contended", "statistics count contention exactly"),
          ignored(
              GilscopeEvents.MONITOR_ACQUIRE, "lastReleaser", "handoffs: statistics count them"),
          ignored(
              GilscopeEvents.MONITOR_ACQUIRE,
              "previousOwnerName",
              "blame uses previousOwner; its name for an ended thread (JDK 17) is not used yet"),
          ignored(GilscopeEvents.MONITOR_ACQUIRE, "lastReleaserName", "as lastReleaser"),
          ignored(GilscopeEvents.MONITOR_ACQUIRE, "waitersAtRequest", "maxQueueLength suffices"),
          ignored(GilscopeEvents.MONITOR_ACQUIRE, "tryLock", "no finding distinguishes tryLock"),
          ignored(GilscopeEvents.MONITOR_HOLD, "sequence", "holds are read as a distribution"),
          ignored(GilscopeEvents.MONITOR_HOLD, "waitersAtRelease", "barging: statistics count it"),
          ignored(GilscopeEvents.MONITOR_HOLD, "endedByWait", "a wait segment is a hold too"),
          ignored(GilscopeEvents.MONITOR_WAIT, "monitorClass", CLASS_AND_KIND),
          ignored(GilscopeEvents.MONITOR_WAIT, "monitorKind", CLASS_AND_KIND),
          ignored(GilscopeEvents.MONITOR_WAIT, "timeout", "timedOut says how the wait ended"),
          ignored(
              GilscopeEvents.MONITOR_WAIT,
              "notifierName",
              "blame uses notifier; its name for an ended thread (JDK 17) is not used yet"),
          ignored(GilscopeEvents.MONITOR_NOTIFY, "monitorClass", CLASS_AND_KIND),
          ignored(GilscopeEvents.MONITOR_NOTIFY, "monitorKind", CLASS_AND_KIND),
          ignored(
              GilscopeEvents.MONITOR_STATISTICS,
              "trackedSince",
              "a class's exact totals are the sum over its monitors, whenever tracking began"),
          ignored(GilscopeEvents.THREAD_MONITOR_STATISTICS, "monitorClass", CLASS_AND_KIND),
          ignored(GilscopeEvents.THREAD_MONITOR_STATISTICS, "monitorKind", CLASS_AND_KIND),
          ignored(
              GilscopeEvents.THREAD_MONITOR_STATISTICS,
              "javaThreadId",
              "threads are told apart by name; threadName covers ended threads"),
          ignored(GilscopeEvents.AGENT_STATUS, "trackedMonitors", "the report counts monitors"),
          ignored(GilscopeEvents.AGENT_STATUS, "instrumentedClasses", "agent health, not analysis"),
          ignored(GilscopeEvents.AGENT_STATUS, "skippedClasses", "agent health, not analysis"),
          ignored(GilscopeEvents.AGENT_STATUS, "options", "detail is the option that matters"),
          ignored(GilscopeEvents.AGENT_STATUS, "targets", "the monitors' events name them"),
          ignored(
              GilscopeEvents.AGENT_STATUS,
              "holdClock",
              "agent health: which clock timed the holds the statistics sum"));

  @Test
  void everyContractFieldIsReadOrIgnoredAndEveryReadFieldIsInTheContract() {
    Map<String, Set<String>> read = fieldsReadPerType();
    for (EventSchema schema : EventSchema.values()) {
      String type = schema.typeName();
      Set<String> contract = new TreeSet<>();
      schema.fields().forEach(f -> contract.add(f.name()));
      if (IGNORED_TYPES.containsKey(type)) {
        assertThat(read).as("an ignored type is not read").doesNotContainKey(type);
        continue;
      }
      Set<String> readFields = read.getOrDefault(type, Set.of());
      assertThat(contract)
          .as(type + ": fields read but not in the contract")
          .containsAll(readFields);
      Set<String> ignored = ignoredFields(type);
      assertThat(contract)
          .as(type + ": IGNORED names fields not in the contract")
          .containsAll(ignored);
      assertThat(readFields)
          .as(type + ": fields both read and IGNORED")
          .doesNotContainAnyElementsOf(ignored);
      Set<String> unaccounted = new TreeSet<>(contract);
      unaccounted.removeAll(readFields);
      unaccounted.removeAll(ignored);
      assertThat(unaccounted).as(type + ": fields neither read nor IGNORED").isEmpty();
    }
  }

  @Test
  void theAnalyzerReadsEveryGilscopeTypeItSubscribesToFromTheContract() {
    Set<String> subscribed = new TreeSet<>();
    for (String type : new EventAccumulator(0, 1).handlers().keySet()) {
      if (type.startsWith(GilscopeEvents.PREFIX)) {
        subscribed.add(type);
      }
    }
    Set<String> expected = new TreeSet<>();
    for (EventSchema s : EventSchema.values()) {
      expected.add(s.typeName());
    }
    expected.removeAll(IGNORED_TYPES.keySet());
    assertThat(subscribed).isEqualTo(expected);
  }

  @Test
  void eachFieldIsReadWithTheAccessorOfItsUnit() {
    Map<String, Map<String, Set<String>>> accessors = new TreeMap<>();
    for (EventSchema schema : EventSchema.values()) {
      if (!IGNORED_TYPES.containsKey(schema.typeName())) {
        accessors.put(schema.typeName(), readBy(schema.typeName()).accessors);
      }
    }
    for (EventSchema schema : EventSchema.values()) {
      Map<String, Set<String>> byField = accessors.getOrDefault(schema.typeName(), Map.of());
      for (EventSchema.Field f : schema.fields()) {
        Set<String> used = byField.getOrDefault(f.name(), Set.of());
        assertThat(Set.of(ACCESSOR.get(f.unit()), "has"))
            .as(schema.typeName() + "." + f.name() + " (" + f.unit() + ")")
            .containsAll(used);
      }
    }
  }

  @Test
  void noAnalyzerClassNeedsTheContractAtRunTime() throws IOException {
    Path classes = classesDirectory();
    List<String> referring = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(classes)) {
      files = walk.filter(p -> p.toString().endsWith(".class")).toList();
    }
    for (Path p : files) {
      if (usesContractClass(Files.readAllBytes(p))) {
        referring.add(classes.relativize(p).toString());
      }
    }
    assertThat(files).isNotEmpty();
    assertThat(referring).as("analyzer classes that load a contract class").isEmpty();
  }

  // ---- observing the reads -----------------------------------------------------------------

  private static final Map<Unit, String> ACCESSOR = new EnumMap<>(Unit.class);

  static {
    ACCESSOR.put(Unit.COUNT, "longValue");
    ACCESSOR.put(Unit.INT_COUNT, "longValue");
    ACCESSOR.put(Unit.NANOSECONDS, "nanos");
    ACCESSOR.put(Unit.EPOCH_MILLIS, "epochNanos");
    ACCESSOR.put(Unit.FLAG, "booleanValue");
    ACCESSOR.put(Unit.STRING, "string");
    ACCESSOR.put(Unit.THREAD, "threadName");
    ACCESSOR.put(Unit.CLASS, "className");
  }

  private static Map<String, Set<String>> fieldsReadPerType() {
    Map<String, Set<String>> read = new TreeMap<>();
    for (String type : new EventAccumulator(0, 1).handlers().keySet()) {
      if (type.startsWith(GilscopeEvents.PREFIX)) {
        read.put(type, readBy(type).accessors.keySet());
      }
    }
    return read;
  }

  /**
   * Runs the type's handler on one event, in a new accumulator: the first event of a monitor is the
   * one on which every field is read (its name, and for statistics its class and kind). The
   * recorded event answers "present, true, 1, a name" to everything except Thread fields, which
   * read as null, so the fallbacks to the *Name strings of ended threads run too.
   */
  private static RecordingEvent readBy(String type) {
    Consumer<EventView> handler = new EventAccumulator(0, 1).handlers().get(type);
    RecordingEvent e = new RecordingEvent(type);
    handler.accept(e);
    return e;
  }

  /** An event that answers every question and notes which field was asked for, and how. */
  private static final class RecordingEvent implements EventView {
    private final String type;
    final Map<String, Set<String>> accessors = new TreeMap<>();

    RecordingEvent(String type) {
      this.type = type;
    }

    private void asked(String field, String accessor) {
      accessors.computeIfAbsent(field, f -> new TreeSet<>()).add(accessor);
    }

    @Override
    public String typeName() {
      return type;
    }

    @Override
    public long startEpochNanos() {
      return 1_000;
    }

    @Override
    public long endEpochNanos() {
      return 2_000;
    }

    @Override
    public long durationNanos() {
      return 1_000;
    }

    @Override
    public String eventThreadName() {
      return "reader-test-thread";
    }

    @Override
    public boolean has(String field) {
      asked(field, "has");
      return true;
    }

    @Override
    public long longValue(String field) {
      asked(field, "longValue");
      return 2;
    }

    @Override
    public boolean booleanValue(String field) {
      asked(field, "booleanValue");
      return true;
    }

    @Override
    public float floatValue(String field) {
      asked(field, "floatValue");
      return 1;
    }

    @Override
    public String string(String field) {
      asked(field, "string");
      return "value-of-" + field;
    }

    @Override
    public long nanos(String field) {
      asked(field, "nanos");
      return 1_000;
    }

    @Override
    public long epochNanos(String field) {
      asked(field, "epochNanos");
      return 1_000;
    }

    @Override
    public String className(String field) {
      asked(field, "className");
      return "com.acme.Interp";
    }

    @Override
    public String threadName(String field) {
      asked(field, "threadName");
      return null;
    }
  }

  // ---- helpers -----------------------------------------------------------------------------

  private static Map.Entry<String, String> ignored(String type, String field, String reason) {
    return Map.entry(type + "." + field, reason);
  }

  private static Set<String> ignoredFields(String type) {
    Set<String> fields = new TreeSet<>();
    for (String key : IGNORED.keySet()) {
      if (key.startsWith(type + ".")) {
        fields.add(key.substring(type.length() + 1));
      }
    }
    return fields;
  }

  /**
   * Whether the class refers to a contract class in its code, members, annotations or signatures.
   * An entry of its constant pool that nothing uses does not count: javac records there the class
   * each inlined constant came from (for dependency tools), which the JVM never resolves.
   */
  private static boolean usesContractClass(byte[] classFile) {
    boolean[] found = {false};
    Remapper recorder =
        new Remapper() {
          @Override
          public String map(String internalName) {
            found[0] |= internalName.startsWith("dev/gilscope/contract/");
            return internalName;
          }
        };
    new ClassReader(classFile).accept(new ClassRemapper(new ClassWriter(0), recorder), 0);
    return found[0];
  }

  private static Path classesDirectory() {
    try {
      return Path.of(
          EventAccumulator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}

package dev.gilscope.jmc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gilscope.contract.EventSchema;
import dev.gilscope.contract.GilscopeEvents;
import dev.gilscope.contract.GilscopeFields;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import jdk.jfr.Event;
import jdk.jfr.EventType;
import jdk.jfr.Percentage;
import jdk.jfr.Recording;
import jdk.jfr.Timespan;
import jdk.jfr.Timestamp;
import jdk.jfr.ValueDescriptor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmc.common.IDescribable;
import org.openjdk.jmc.common.IMCThread;
import org.openjdk.jmc.common.IMCType;
import org.openjdk.jmc.common.item.IAccessorKey;
import org.openjdk.jmc.common.item.IItem;
import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.item.IItemIterable;
import org.openjdk.jmc.common.item.IMemberAccessor;
import org.openjdk.jmc.common.item.IType;
import org.openjdk.jmc.common.unit.ContentType;
import org.openjdk.jmc.common.unit.IQuantity;
import org.openjdk.jmc.common.unit.UnitLookup;
import org.openjdk.jmc.flightrecorder.JfrAttributes;
import org.openjdk.jmc.flightrecorder.JfrLoaderToolkit;
import org.openjdk.jmc.flightrecorder.internal.EventArray;
import org.openjdk.jmc.flightrecorder.internal.FlightRecordingLoader;

/**
 * JDK Mission Control reads the agent's events as the agent declares them: every gilscope event
 * type with its label, description and category, every field with its label, description and unit
 * (timespans as durations, timestamps as points in time, threads as threads, classes as classes).
 * JMC's parser ({@link JfrLoaderToolkit#loadEvents}) reads (1) a recording of every agent event
 * class, each committed once with every field set, and (2) recordings the agent made (the
 * analyzer's fixtures, JDK 17 and 25). The expectations come from the agent's event classes as the
 * JDK sees them ({@link EventType#getEventType}), plus spot checks written out.
 */
class JmcReadsAgentEventsTest {
  /**
   * The agent's compiled classes: its jar hides the event classes in a nested boot jar, so the test
   * reads them from the agent module's build output (the jmc module builds after the agent).
   */
  private static final Path AGENT_CLASSES =
      Path.of(System.getProperty("gilscope.agent.classes", "../agent/target/classes"));

  private static final String EVENT_PACKAGE = "dev.gilscope.agent.event";
  private static final String CATEGORY = GilscopeEvents.CATEGORY;
  private static final String ACQUIRE = GilscopeEvents.MONITOR_ACQUIRE;
  private static final String WAIT = GilscopeEvents.MONITOR_WAIT;
  private static final String STATISTICS = GilscopeEvents.MONITOR_STATISTICS;
  private static final String THREAD_STATISTICS = GilscopeEvents.THREAD_MONITOR_STATISTICS;

  /** Every event class of the agent: each class in its event package that is a JFR event. */
  static List<Class<? extends Event>> agentEvents;

  /** The fields every event has; JMC names them its own way (JfrAttributes). */
  private static final Set<String> IMPLICIT =
      Set.of("startTime", "duration", "eventThread", "stackTrace");

  private static final long NANOS = 1_234_567;
  private static final long EPOCH_MILLIS = 1_764_720_000_123L;
  private static final String THREAD = "jmc-test-thread";

  static IItemCollection recorded;
  static Map<String, String[]> recordedCategories;

  @BeforeAll
  static void recordEveryAgentEvent(@TempDir Path dir) throws Exception {
    agentEvents = loadAgentEvents();
    Path file = dir.resolve("agent-events.jfr");
    try (Recording r = new Recording()) {
      for (Class<? extends Event> c : agentEvents) {
        r.enable(c).withThreshold(Duration.ZERO);
      }
      r.start();
      Thread t = new Thread(JmcReadsAgentEventsTest::commitEach, THREAD);
      t.start();
      t.join();
      r.stop();
      r.dump(file);
    }
    recorded = JfrLoaderToolkit.loadEvents(file.toFile());
    recordedCategories = categories(file);
  }

  @Test
  void theEventClassesAreEveryTypeOfTheEventContract() {
    assertThat(agentEvents)
        .extracting(c -> EventType.getEventType(c).getName())
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(EventSchema.values()).map(EventSchema::typeName).toList())
        .hasSize(8);
  }

  @Test
  void jmcReadsEveryAgentEventTypeAsDeclared() {
    for (Class<? extends Event> c : agentEvents) {
      EventType declared = EventType.getEventType(c);
      IType<IItem> type = type(recorded, declared.getName());
      assertMatches(declared, type, recordedCategories, true);
      assertThat(items(recorded, declared.getName())).as(declared.getName()).hasSize(1);
    }
  }

  @Test
  void jmcReadsTheValuesInTheirUnits() {
    IItem acquire = items(recorded, ACQUIRE).get(0);
    IType<IItem> type = type(recorded, ACQUIRE);
    assertThat(value(type, acquire, GilscopeFields.PREVIOUS_OWNER)).isInstanceOf(IMCThread.class);
    assertThat(((IMCThread) value(type, acquire, GilscopeFields.PREVIOUS_OWNER)).getThreadName())
        .isEqualTo(THREAD);
    assertThat(JfrAttributes.EVENT_THREAD.getAccessor(type).getMember(acquire).getThreadName())
        .isEqualTo(THREAD);
    assertThat(JfrAttributes.DURATION.getAccessor(type).getMember(acquire).getType())
        .isEqualTo(UnitLookup.TIMESPAN);

    IItem stats = items(recorded, STATISTICS).get(0);
    IType<IItem> statsType = type(recorded, STATISTICS);
    IQuantity totalHold = (IQuantity) value(statsType, stats, GilscopeFields.TOTAL_HOLD);
    assertThat(totalHold.getType()).isEqualTo(UnitLookup.TIMESPAN);
    assertThat(totalHold.clampedLongValueIn(UnitLookup.NANOSECOND)).isEqualTo(NANOS);
    IQuantity periodStart = (IQuantity) value(statsType, stats, GilscopeFields.PERIOD_START);
    assertThat(periodStart.getType()).isEqualTo(UnitLookup.TIMESTAMP);
    assertThat(periodStart.clampedLongValueIn(UnitLookup.EPOCH_MS)).isEqualTo(EPOCH_MILLIS);
    assertThat(((IMCType) value(statsType, stats, GilscopeFields.MONITOR_CLASS)).getFullName())
        .isEqualTo(ReentrantLock.class.getName());

    IItem wait = items(recorded, WAIT).get(0);
    IQuantity timeout = (IQuantity) value(type(recorded, WAIT), wait, GilscopeFields.TIMEOUT);
    assertThat(timeout.clampedLongValueIn(UnitLookup.NANOSECOND)).isEqualTo(NANOS);

    IItem perThread = items(recorded, THREAD_STATISTICS).get(0);
    Object thread = value(type(recorded, THREAD_STATISTICS), perThread, GilscopeFields.THREAD);
    assertThat(((IMCThread) thread).getThreadName()).isEqualTo(THREAD);
  }

  @Test
  void jmcReadsTheAgentsOwnRecordingsAsDeclared() throws Exception {
    Set<String> seen = new java.util.TreeSet<>();
    for (String fixture :
        List.of("agent-jdk17-all.jfr", "agent-jdk17-starvation.jfr", "agent-jdk25-juc-gil.jfr")) {
      Path file = Fixtures.file(fixture);
      IItemCollection items = JfrLoaderToolkit.loadEvents(file.toFile());
      Map<String, String[]> categories = categories(file);
      for (Class<? extends Event> c : agentEvents) {
        EventType declared = EventType.getEventType(c);
        if (!items(items, declared.getName()).isEmpty()) {
          // the fixtures were recorded by earlier agents: fields added since are absent
          assertMatches(declared, type(items, declared.getName()), categories, false);
          seen.add(declared.getName());
        }
      }
    }
    // together the three recordings hold every agent event type
    assertThat(seen)
        .containsExactlyInAnyOrderElementsOf(
            agentEvents.stream().map(c -> EventType.getEventType(c).getName()).toList());
  }

  // ---- expectations ----------------------------------------------------------------------

  /**
   * @param allFields whether JMC must have every field the agent declares (else only those the
   *     recording has are checked)
   */
  private static void assertMatches(
      EventType declared, IType<IItem> type, Map<String, String[]> categories, boolean allFields) {
    String name = declared.getName();
    assertThat(type.getName()).as(name + " label").isEqualTo(declared.getLabel());
    // JMC appends the type's name to its description; an older agent's recording may word
    // descriptions differently (only labels, units and categories are a contract)
    if (allFields) {
      assertThat(type.getDescription())
          .as(name + " description")
          .isEqualTo(declared.getDescription() + " [" + name + "]");
    }
    assertThat(categories.get(name))
        .as(name + " category")
        .containsExactlyElementsOf(declared.getCategoryNames())
        .containsExactly(CATEGORY);
    Map<String, IAccessorKey<?>> keys = new HashMap<>();
    Map<String, IDescribable> describe = new HashMap<>();
    type.getAccessorKeys()
        .forEach(
            (k, d) -> {
              keys.put(k.getIdentifier(), k);
              describe.put(k.getIdentifier(), d);
            });
    for (ValueDescriptor field : declared.getFields()) {
      String f = field.getName();
      if (IMPLICIT.contains(f)) {
        continue;
      }
      String where = name + "." + f;
      if (!allFields && !keys.containsKey(f)) {
        continue;
      }
      assertThat(keys).as(where).containsKey(f);
      assertThat(describe.get(f).getName()).as(where + " label").isEqualTo(field.getLabel());
      if (allFields) {
        assertThat(describe.get(f).getDescription())
            .as(where + " description")
            .isEqualTo(field.getDescription());
      }
      assertThat(keys.get(f).getContentType())
          .as(where + " unit")
          .isSameAs(expectedContentType(where, field));
    }
    boolean durationEvent = declared.getField("duration") != null;
    assertThat(JfrAttributes.DURATION.getAccessor(type) != null)
        .as(name + " has a duration")
        .isEqualTo(durationEvent);
    assertThat(JfrAttributes.EVENT_THREAD.getAccessor(type)).as(name + " event thread").isNotNull();
  }

  /** How JMC should show a field, from its Java type and the JDK's unit annotations. */
  private static ContentType<?> expectedContentType(String where, ValueDescriptor field) {
    if (field.getAnnotation(Timespan.class) != null) {
      return UnitLookup.TIMESPAN;
    }
    if (field.getAnnotation(Timestamp.class) != null) {
      return UnitLookup.TIMESTAMP;
    }
    if (field.getAnnotation(Percentage.class) != null) {
      return UnitLookup.PERCENTAGE;
    }
    return switch (field.getTypeName()) {
      case "java.lang.Thread" -> UnitLookup.THREAD;
      case "java.lang.Class" -> UnitLookup.CLASS;
      case "java.lang.String" -> UnitLookup.PLAIN_TEXT;
      case "boolean" -> UnitLookup.FLAG;
      // without a unit annotation JMC reads an int as a number, a long as a raw number (as it
      // reads the JDK's own long counts, e.g. jdk.ClassLoadingStatistics.loadedClassCount)
      case "byte", "short", "int" -> UnitLookup.NUMBER;
      case "long" -> UnitLookup.RAW_NUMBER;
      default -> throw new AssertionError(where + ": no expectation for " + field.getTypeName());
    };
  }

  // ---- recording and reading -------------------------------------------------------------

  private static void commitEach() {
    for (Class<? extends Event> c : agentEvents) {
      try {
        Event e = filled(c.getDeclaredConstructor().newInstance());
        e.begin();
        e.end();
        e.commit();
      } catch (ReflectiveOperationException ex) {
        throw new AssertionError(ex);
      }
    }
  }

  /** Every declared field set to a value that is not its default. */
  private static Event filled(Event e) {
    try {
      for (Field f : e.getClass().getDeclaredFields()) {
        if (Modifier.isStatic(f.getModifiers())) {
          continue;
        }
        f.setAccessible(true);
        Class<?> t = f.getType();
        if (t == long.class) {
          f.setLong(e, f.getAnnotation(Timestamp.class) != null ? 1_764_720_000_123L : NANOS);
        } else if (t == int.class) {
          f.setInt(e, 3);
        } else if (t == boolean.class) {
          f.setBoolean(e, true);
        } else if (t == String.class) {
          f.set(e, "text");
        } else if (t == Thread.class) {
          f.set(e, Thread.currentThread());
        } else if (t == Class.class) {
          f.set(e, ReentrantLock.class);
        } else {
          throw new AssertionError(f + ": no test value for " + t);
        }
      }
      return e;
    } catch (IllegalAccessException ex) {
      throw new AssertionError(ex);
    }
  }

  private static ClassLoader loader() throws Exception {
    return new URLClassLoader(
        new URL[] {AGENT_CLASSES.toUri().toURL()}, JmcReadsAgentEventsTest.class.getClassLoader());
  }

  private static List<Class<? extends Event>> loadAgentEvents() throws Exception {
    ClassLoader loader = loader();
    List<Class<? extends Event>> events = new ArrayList<>();
    Path dir = AGENT_CLASSES.resolve(EVENT_PACKAGE.replace('.', '/'));
    assertThat(dir).as("the agent's compiled event classes").isDirectory();
    try (var files = Files.list(dir)) {
      for (Path p : files.sorted().toList()) {
        String file = p.getFileName().toString();
        if (file.endsWith(".class") && !file.contains("$")) {
          Class<?> c =
              Class.forName(EVENT_PACKAGE + "." + file.replace(".class", ""), false, loader);
          if (Event.class.isAssignableFrom(c)) {
            events.add(c.asSubclass(Event.class));
          }
        }
      }
    }
    return events;
  }

  /** Event categories as JMC's loader reads them (its UI's Event Browser tree). */
  private static Map<String, String[]> categories(Path file) throws Exception {
    Map<String, String[]> categories = new HashMap<>();
    try (InputStream in = Files.newInputStream(file)) {
      for (EventArray a : FlightRecordingLoader.loadStream(in, false, false).getArrays()) {
        categories.put(a.getType().getIdentifier(), a.getTypeCategory());
      }
    }
    return categories;
  }

  private static IType<IItem> type(IItemCollection items, String typeName) {
    for (IItemIterable i : items) {
      if (i.getType().getIdentifier().equals(typeName)) {
        return i.getType();
      }
    }
    throw new AssertionError("JMC has no event type " + typeName);
  }

  private static List<IItem> items(IItemCollection items, String typeName) {
    List<IItem> list = new ArrayList<>();
    for (IItemIterable i : items) {
      if (i.getType().getIdentifier().equals(typeName)) {
        i.forEach(list::add);
      }
    }
    return list;
  }

  private static Object value(IType<IItem> type, IItem item, String field) {
    for (IAccessorKey<?> k : type.getAccessorKeys().keySet()) {
      if (k.getIdentifier().equals(field)) {
        IMemberAccessor<?, IItem> a = type.getAccessor(k);
        return a.getMember(item);
      }
    }
    throw new AssertionError(
        type.getIdentifier()
            + " has no field "
            + field
            + ": "
            + Arrays.toString(type.getAccessorKeys().keySet().toArray()));
  }
}

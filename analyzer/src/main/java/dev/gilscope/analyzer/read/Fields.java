package dev.gilscope.analyzer.read;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import jdk.jfr.EventType;
import jdk.jfr.ValueDescriptor;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedThread;

/**
 * Tolerant field access on recorded events: a field that an older or newer writer lacks reads as a
 * default instead of throwing, so one unexpected event cannot stop the analysis.
 */
final class Fields {
  /**
   * Field names per event type. {@code RecordedEvent.hasField} scans the field list on every call;
   * the set of names is fixed per type. Identity keys: one EventType object per type and chunk
   * parser. Thread-confined (one per reading thread).
   */
  private static final ThreadLocal<Map<EventType, Set<String>>> FIELD_NAMES =
      ThreadLocal.withInitial(IdentityHashMap::new);

  /** Names of recorded threads and classes, by constant-pool object (allocation-free reuse). */
  private static final ThreadLocal<Map<Object, String>> NAMES =
      ThreadLocal.withInitial(IdentityHashMap::new);

  private Fields() {}

  static boolean has(RecordedEvent e, String field) {
    return FIELD_NAMES
        .get()
        .computeIfAbsent(
            e.getEventType(),
            t -> {
              Set<String> names = new HashSet<>();
              for (ValueDescriptor d : t.getFields()) {
                names.add(d.getName());
              }
              return names;
            })
        .contains(field);
  }

  /** Forgets cached names; call between chunks groups so the caches do not grow unbounded. */
  static void clearCaches() {
    FIELD_NAMES.get().clear();
    NAMES.get().clear();
  }

  static long longValue(RecordedEvent e, String field) {
    return has(e, field) ? e.getLong(field) : 0;
  }

  static boolean booleanValue(RecordedEvent e, String field) {
    return has(e, field) && e.getBoolean(field);
  }

  static String string(RecordedEvent e, String field) {
    return has(e, field) ? e.getString(field) : null;
  }

  static long nanos(RecordedEvent e, String field) {
    if (!has(e, field)) {
      return 0;
    }
    try {
      Duration d = e.getDuration(field);
      return d == null ? 0 : saturatedNanos(d);
    } catch (IllegalArgumentException notATimespan) {
      return e.getLong(field);
    }
  }

  static long saturatedNanos(Duration d) {
    try {
      return d.toNanos();
    } catch (ArithmeticException overflow) {
      return Long.MAX_VALUE;
    }
  }

  /** The field as epoch nanoseconds, or -1 when it is missing or not a timestamp. */
  static long epochNanos(RecordedEvent e, String field) {
    if (!has(e, field)) {
      return -1;
    }
    try {
      Instant i = e.getInstant(field);
      return i == null ? -1 : toEpochNanos(i);
    } catch (IllegalArgumentException notATimestamp) {
      return -1;
    }
  }

  static long toEpochNanos(Instant i) {
    return i.getEpochSecond() * 1_000_000_000L + i.getNano();
  }

  static String className(RecordedEvent e, String field) {
    if (!has(e, field)) {
      return null;
    }
    RecordedClass c = e.getClass(field);
    if (c == null) {
      return null;
    }
    return NAMES.get().computeIfAbsent(c, k -> ((RecordedClass) k).getName());
  }

  static String threadName(RecordedEvent e, String field) {
    if (!has(e, field)) {
      return null;
    }
    return threadName(e.getThread(field));
  }

  static String threadName(RecordedThread t) {
    if (t == null) {
      return null;
    }
    return NAMES
        .get()
        .computeIfAbsent(
            t,
            k ->
                ThreadNames.of(
                    t.getJavaName(),
                    t.getOSName(),
                    t.getJavaThreadId(),
                    t.hasField("virtual") && t.getBoolean("virtual")));
  }
}

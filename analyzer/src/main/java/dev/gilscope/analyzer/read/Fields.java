package dev.gilscope.analyzer.read;

import java.time.Duration;
import java.time.Instant;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedThread;

/**
 * Tolerant field access on recorded events: a field that an older or newer writer lacks reads as a
 * default instead of throwing, so one unexpected event cannot stop the analysis.
 */
final class Fields {
  private Fields() {}

  static long longValue(RecordedEvent e, String field) {
    return e.hasField(field) ? e.getLong(field) : 0;
  }

  static boolean booleanValue(RecordedEvent e, String field) {
    return e.hasField(field) && e.getBoolean(field);
  }

  static String string(RecordedEvent e, String field) {
    return e.hasField(field) ? e.getString(field) : null;
  }

  static long nanos(RecordedEvent e, String field) {
    if (!e.hasField(field)) {
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
    if (!e.hasField(field)) {
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
    if (!e.hasField(field)) {
      return null;
    }
    RecordedClass c = e.getClass(field);
    return c == null ? null : c.getName();
  }

  static String threadName(RecordedEvent e, String field) {
    if (!e.hasField(field)) {
      return null;
    }
    return threadName(e.getThread(field));
  }

  static String threadName(RecordedThread t) {
    if (t == null) {
      return null;
    }
    String name = t.getJavaName();
    return name != null ? name : t.getOSName();
  }
}

package dev.gilscope.analyzer.read;

/**
 * One event as {@link EventAccumulator} reads it, whichever parser produced it: the JDK's {@code
 * RecordedEvent} ({@link JdkEventView}) or gilscope's own chunk decoder ({@link DecodedEvent}). A
 * field that the event's type lacks reads as a default (0, false, null, -1 for timestamps) rather
 * than throwing, so recordings from older or newer writers still analyse. Valid only during the
 * callback that receives it: implementations are reused for the next event. Thread-confined. Public
 * so that readers outside this package (the JMC rules' adapter over JMC's items) feed the same
 * {@link EventAccumulator} through {@link EventFeed}.
 */
public interface EventView {
  /** The event type's name, e.g. {@code jdk.ThreadPark}; the same String object for a type. */
  String typeName();

  /** Start of the event, epoch nanoseconds. */
  long startEpochNanos();

  /** End of the event (start for instant events), epoch nanoseconds. */
  long endEpochNanos();

  /** {@code end - start}, 0 for instant events. */
  long durationNanos();

  /** Java name (else OS name) of the thread that committed the event, or null. */
  String eventThreadName();

  boolean has(String field);

  /** An integral field widened to long (unsigned fields as unsigned), 0 when missing. */
  long longValue(String field);

  boolean booleanValue(String field);

  /** A float field, 0 when missing. */
  float floatValue(String field);

  String string(String field);

  /** A {@code @Timespan} field in nanoseconds (saturated), a plain long as is, 0 when missing. */
  long nanos(String field);

  /** A {@code @Timestamp} field as epoch nanoseconds, or -1 when missing or not a timestamp. */
  long epochNanos(String field);

  /** The name of a {@code Class} field's class ({@code a.b.C}), or null. */
  String className(String field);

  /** The Java name (else OS name) of a {@code Thread} field's thread, or null. */
  String threadName(String field);
}

package dev.gilscope.contract;

/**
 * What a field's value is: its JFR value type and, for a {@code long} that is a time, its unit
 * annotation. The agent's event classes declare exactly these (EventContractTest in the agent).
 */
public enum Unit {
  /** A {@code long} count (or id, or sequence number). */
  COUNT("long", null),
  /** An {@code int} count (threads waiting, monitors tracked, ...). */
  INT_COUNT("int", null),
  /** A {@code long} duration, {@code @Timespan(Timespan.NANOSECONDS)}. */
  NANOSECONDS("long", "jdk.jfr.Timespan=NANOSECONDS"),
  /** A {@code long} point in time, {@code @Timestamp(Timestamp.MILLISECONDS_SINCE_EPOCH)}. */
  EPOCH_MILLIS("long", "jdk.jfr.Timestamp=MILLISECONDS_SINCE_EPOCH"),
  /** A {@code boolean}. */
  FLAG("boolean", null),
  /** A {@code String}. */
  STRING("java.lang.String", null),
  /** A {@code Thread} (JFR writes a reference to its thread constant). */
  THREAD("java.lang.Thread", null),
  /** A {@code Class} (JFR writes a reference to its class constant). */
  CLASS("java.lang.Class", null);

  private final String jfrType;
  private final String annotation;

  Unit(String jfrType, String annotation) {
    this.jfrType = jfrType;
    this.annotation = annotation;
  }

  /** The JFR type name of the value, as {@code jdk.jfr.ValueDescriptor.getTypeName()} gives it. */
  public String jfrType() {
    return jfrType;
  }

  /**
   * The unit annotation, as {@code annotation-class=value} ({@code jdk.jfr.Timespan=NANOSECONDS}),
   * or null for a field without one.
   */
  public String annotation() {
    return annotation;
  }
}

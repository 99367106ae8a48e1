package dev.gilscope.analyzer.read;

import dev.gilscope.analyzer.read.JfrMetadata.Field;
import dev.gilscope.analyzer.read.JfrMetadata.Type;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * {@link EventView} over gilscope's own decoding of one event type in one chunk: {@link #decode}
 * reads an event's fields into raw slots (integers, float bits, constant-pool keys, the positions
 * of strings, which are decoded only when asked for), and the getters convert them exactly as the
 * JDK's {@code RecordedObject} does (ticks to epoch nanoseconds with the chunk's converter, unit
 * annotations, unsigned widening). Anything the JDK would reject, or that this class cannot mirror
 * exactly, throws {@link UnsupportedRecordingException}. One instance per type and chunk, reused
 * for every event of the type. Thread-confined.
 */
final class DecodedEvent implements EventView {
  private final String typeName;
  private final Field[] fields;
  private final String[] names;
  private final long[] raw;
  // per field, computed once: a scalar constant-pool reference to a Thread / a Class
  private final boolean[] threadRef;
  private final boolean[] classRef;
  private final int durationIndex;
  private final int eventThreadIndex;
  private final ChunkInput in;
  private final ConstantPools pools;
  private final TicksConverter clock;
  final Consumer<EventView> handler;

  DecodedEvent(
      Type type,
      ChunkInput in,
      ConstantPools pools,
      TicksConverter clock,
      Consumer<EventView> handler) {
    this.typeName = type.name;
    this.fields = type.fields;
    this.raw = new long[fields.length];
    this.names = new String[fields.length];
    this.threadRef = new boolean[fields.length];
    this.classRef = new boolean[fields.length];
    for (int i = 0; i < fields.length; i++) {
      Field f = fields[i];
      names[i] = f.name.intern(); // the handlers pass literals: found by identity
      boolean scalarConstant = !f.array && f.kind == JfrMetadata.CONSTANT;
      threadRef[i] = scalarConstant && f.type.name.equals("java.lang.Thread");
      classRef[i] = scalarConstant && f.type.name.equals("java.lang.Class");
    }
    this.in = in;
    this.pools = pools;
    this.clock = clock;
    this.handler = handler;
    if (fields.length == 0
        || !fields[0].name.equals("startTime")
        || fields[0].kind != JfrMetadata.LONG
        || fields[0].array) {
      throw new UnsupportedRecordingException(typeName + " does not start with startTime");
    }
    int duration = index("duration");
    if (duration >= 0 && (duration != 1 || fields[1].kind != JfrMetadata.LONG || fields[1].array)) {
      throw new UnsupportedRecordingException(typeName + " has duration out of place");
    }
    this.durationIndex = duration;
    this.eventThreadIndex = index("eventThread");
  }

  /** Reads the fields of the event whose type id was just read. */
  void decode() {
    Field[] f = fields;
    long[] r = raw;
    for (int i = 0; i < f.length; i++) {
      Field field = f[i];
      if (field.array) {
        Values.skip(in, field);
        continue;
      }
      switch (field.kind) {
        case JfrMetadata.BOOLEAN, JfrMetadata.BYTE -> r[i] = in.readByte();
        case JfrMetadata.CHAR -> r[i] = (char) in.readLong();
        case JfrMetadata.SHORT -> r[i] = (short) in.readLong();
        case JfrMetadata.INT -> r[i] = (int) in.readLong();
        case JfrMetadata.LONG, JfrMetadata.CONSTANT -> r[i] = in.readLong();
        case JfrMetadata.FLOAT -> r[i] = in.readRawInt();
        case JfrMetadata.DOUBLE -> r[i] = in.readRawLong();
        case JfrMetadata.STRING -> {
          r[i] = in.position();
          Strings.skip(in);
        }
        default -> Values.skip(in, field);
      }
    }
  }

  @SuppressWarnings("ReferenceEquality") // identity first: the callers pass interned literals
  private int index(String name) {
    String[] n = names;
    for (int i = 0; i < n.length; i++) {
      if (n[i] == name) {
        return i;
      }
    }
    for (int i = 0; i < n.length; i++) {
      if (n[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }

  private Field scalar(int i) {
    Field f = fields[i];
    if (f.array || f.kind == JfrMetadata.STRUCT) {
      throw new UnsupportedRecordingException(typeName + "." + f.name + " is not a scalar");
    }
    return f;
  }

  @Override
  public String typeName() {
    return typeName;
  }

  private long endTicks() {
    return durationIndex < 0 ? raw[0] : raw[0] + raw[durationIndex];
  }

  @Override
  public long startEpochNanos() {
    return clock.timestamp(raw[0]);
  }

  @Override
  public long endEpochNanos() {
    return clock.timestamp(endTicks());
  }

  @Override
  public long durationNanos() {
    long endTicks = endTicks();
    if (endTicks == raw[0]) {
      return 0;
    }
    return clock.timestamp(endTicks) - clock.timestamp(raw[0]);
  }

  @Override
  public String eventThreadName() {
    if (eventThreadIndex < 0) {
      throw new UnsupportedRecordingException(typeName + " has no eventThread");
    }
    return threadAt(eventThreadIndex);
  }

  private String threadAt(int i) {
    if (!threadRef[i]) {
      Field f = scalar(i);
      throw new UnsupportedRecordingException(typeName + "." + f.name + " is not a thread");
    }
    return pools.threadName(raw[i]);
  }

  @Override
  public boolean has(String field) {
    return index(field) >= 0;
  }

  /** The JDK's getLong: integral fields widened, unsigned ones as unsigned. */
  private long integral(int i) {
    Field f = scalar(i);
    long v = raw[i];
    return switch (f.kind) {
      case JfrMetadata.LONG, JfrMetadata.CHAR -> v;
      case JfrMetadata.INT -> f.unsigned ? v & 0xffff_ffffL : v;
      case JfrMetadata.SHORT -> f.unsigned ? v & 0xffffL : v;
      case JfrMetadata.BYTE -> f.unsigned ? v & 0xffL : v;
      default ->
          throw new UnsupportedRecordingException(typeName + "." + f.name + " is not integral");
    };
  }

  @Override
  public long longValue(String field) {
    int i = index(field);
    return i < 0 ? 0 : integral(i);
  }

  @Override
  public boolean booleanValue(String field) {
    int i = index(field);
    if (i < 0) {
      return false;
    }
    if (scalar(i).kind != JfrMetadata.BOOLEAN) {
      throw new UnsupportedRecordingException(typeName + "." + field + " is not a boolean");
    }
    return raw[i] != 0;
  }

  @Override
  public float floatValue(String field) {
    int i = index(field);
    if (i < 0) {
      return 0f;
    }
    Field f = scalar(i);
    return switch (f.kind) {
      case JfrMetadata.FLOAT -> Float.intBitsToFloat((int) raw[i]);
      case JfrMetadata.LONG,
          JfrMetadata.INT,
          JfrMetadata.SHORT,
          JfrMetadata.CHAR,
          JfrMetadata.BYTE ->
          (float) raw[i];
      default ->
          throw new UnsupportedRecordingException(typeName + "." + field + " is not a float");
    };
  }

  @Override
  public String string(String field) {
    int i = index(field);
    if (i < 0) {
      return null;
    }
    if (scalar(i).kind != JfrMetadata.STRING) {
      throw new UnsupportedRecordingException(typeName + "." + field + " is not a string");
    }
    int saved = in.position();
    try {
      in.position((int) raw[i]);
      return pools.string(Strings.readOrRef(in));
    } finally {
      in.position(saved);
    }
  }

  @Override
  public long nanos(String field) {
    int i = index(field);
    if (i < 0) {
      return 0;
    }
    long v = integral(i);
    String unit = fields[i].timespanUnit;
    if (unit == null) {
      return v; // not a timespan: the plain value, as Fields.nanos reads it
    }
    if (v == 0) {
      return 0;
    }
    if (v == Long.MIN_VALUE || v == Long.MAX_VALUE) {
      return Long.MAX_VALUE; // Duration.ofSeconds(MIN) and FOREVER overflow toNanos: saturated
    }
    try {
      return switch (unit) {
        case "NANOSECONDS" -> v;
        case "MICROSECONDS" -> 1000 * v;
        case "MILLISECONDS" -> Math.multiplyExact(v, 1_000_000L);
        case "SECONDS" -> Math.multiplyExact(v, 1_000_000_000L);
        case "TICKS" -> clock.timespan(v);
        default -> v; // the JDK rejects the unit; Fields.nanos then reads the plain value
      };
    } catch (ArithmeticException overflow) {
      return Long.MAX_VALUE;
    }
  }

  @Override
  public long epochNanos(String field) {
    int i = index(field);
    if (i < 0) {
      return -1;
    }
    long v = integral(i);
    String unit = fields[i].timestampUnit;
    if (unit == null) {
      return -1;
    }
    if (v == Long.MIN_VALUE) {
      return Fields.toEpochNanos(Instant.MIN);
    }
    return switch (unit) {
      case "MILLISECONDS_SINCE_EPOCH" -> Fields.toEpochNanos(Instant.ofEpochMilli(v));
      case "TICKS" -> clock.timestamp(v);
      default -> -1;
    };
  }

  @Override
  public String className(String field) {
    int i = index(field);
    if (i < 0) {
      return null;
    }
    if (!classRef[i]) {
      scalar(i);
      throw new UnsupportedRecordingException(typeName + "." + field + " is not a class");
    }
    return pools.className(raw[i]);
  }

  @Override
  public String threadName(String field) {
    int i = index(field);
    return i < 0 ? null : threadAt(i);
  }
}

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
  private final byte[] ops;
  private final byte[] integralOps; // per field: see integral()
  // per field, computed once: a scalar constant-pool reference to a Thread / a Class
  private final boolean[] threadRef;
  private final boolean[] classRef;
  private final byte[] timespanUnits; // per field: see timespanUnit()
  private final byte[] timestampUnits; // per field: see timestampUnit()
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
    this.ops = new byte[fields.length];
    this.integralOps = new byte[fields.length];
    this.threadRef = new boolean[fields.length];
    this.classRef = new boolean[fields.length];
    this.timespanUnits = new byte[fields.length];
    this.timestampUnits = new byte[fields.length];
    for (int i = 0; i < fields.length; i++) {
      Field f = fields[i];
      names[i] = f.name.intern(); // the handlers pass literals: found by identity
      ops[i] = op(f);
      integralOps[i] = integralOp(f);
      boolean scalarConstant = !f.array && f.kind == JfrMetadata.CONSTANT;
      threadRef[i] = scalarConstant && f.type.name.equals("java.lang.Thread");
      classRef[i] = scalarConstant && f.type.name.equals("java.lang.Class");
      timespanUnits[i] = timespanUnit(f);
      timestampUnits[i] = timestampUnit(f);
    }
    this.slotsByName = slotsByName(names);
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

  // how decode() reads each field, computed once per type: few cases, so the JIT's code stays small
  private static final byte VARINT = FieldOp.VARINT;
  private static final byte ONE_BYTE = FieldOp.ONE_BYTE;
  private static final byte STRING = FieldOp.STRING;
  private static final byte RAW4 = FieldOp.RAW4;
  private static final byte RAW8 = FieldOp.RAW8;
  private static final byte SKIP = 5;

  private static byte op(Field field) {
    if (field.array) {
      return SKIP;
    }
    byte op = FieldOp.of(field.kind);
    return op < 0 ? SKIP : op;
  }

  /**
   * Reads the fields of the event whose type id was just read: integers as read (narrowed to their
   * type by {@link #narrowed} when asked for), strings as their position.
   *
   * <p>The common fields of a heap chunk (compressed integers, bytes, absent and short inline
   * strings) are read here from the array, not through a call to {@link ChunkInput} per field: 3
   * million events of about 13 fields each spent a third of their decoding in those calls (C1,
   * which the launcher runs, inlines none of them). Anything else, and every field within the last
   * {@link #LONGEST_VARINT} bytes of the chunk, goes through {@link #decodeField}.
   */
  void decode() {
    ChunkInput input = in;
    byte[] a = input.heapArray();
    byte[] o = ops;
    long[] r = raw;
    // up to here every byte a compressed integer (or a string's header) may take is in the chunk
    int safeEnd = a == null ? -1 : input.size() - 2 * LONGEST_VARINT;
    int p = input.position();
    for (int i = 0; i < o.length; i++) {
      byte op = o[i];
      if (p <= safeEnd) {
        if (op == VARINT) {
          byte b = a[p++];
          if (b >= 0) {
            r[i] = b;
            continue;
          }
          long v = b & 0x7fL;
          for (int shift = 7; ; shift += 7) {
            b = a[p++];
            if (shift == 56) {
              v |= (b & 0xffL) << 56; // the ninth byte carries 8 bits
              break;
            }
            v |= (b & 0x7fL) << shift;
            if (b >= 0) {
              break;
            }
          }
          r[i] = v;
          continue;
        }
        if (op == ONE_BYTE) {
          r[i] = a[p++];
          continue;
        }
        if (op == STRING) {
          byte encoding = a[p];
          if (encoding == Strings.NULL || encoding == Strings.EMPTY) {
            r[i] = p++;
            continue;
          }
          byte length = a[p + 1]; // under 128 (bytes or chars): its length in one byte
          if ((encoding == Strings.LATIN1 || encoding == Strings.UTF8)
              && length >= 0
              && length <= input.size() - (p + 2)) {
            r[i] = p;
            p += 2 + length;
            continue;
          }
          if (encoding == Strings.CHAR_ARRAY // what jdk.jfr.Event writes a String field as
              && length >= 0
              && length <= (input.size() - (p + 2)) / LONGEST_VARINT) {
            r[i] = p;
            p += 2;
            for (int c = 0; c < length; c++) {
              p = a[p] >= 0 ? p + 1 : skipVarint(a, p); // an ASCII char in one byte
            }
            continue;
          }
        }
      }
      input.position(p);
      decodeField(input, i, op);
      p = input.position();
    }
    input.position(p);
    convertTimes();
  }

  /** The most bytes a compressed integer takes. */
  private static final int LONGEST_VARINT = 9;

  /** Where the compressed integer at {@code p} ends; its nine bytes are in the array. */
  private static int skipVarint(byte[] a, int p) {
    int q = p;
    int last = p + LONGEST_VARINT - 1; // the ninth byte ends it whatever its high bit
    while (q < last && a[q] < 0) {
      q++;
    }
    return q + 1;
  }

  /** Reads field {@code i} of the event through {@link ChunkInput}, every byte checked. */
  private void decodeField(ChunkInput input, int i, byte op) {
    long[] r = raw;
    switch (op) {
      case VARINT -> r[i] = input.readLong();
      case ONE_BYTE -> r[i] = input.readByte();
      case STRING -> {
        r[i] = input.position();
        Strings.skip(input);
      }
      case RAW4 -> r[i] = input.readRawInt();
      case RAW8 -> r[i] = input.readRawLong();
      default -> Values.skip(input, fields[i]);
    }
  }

  // a field's @Timespan / @Timestamp unit, computed once per type (nanos() and epochNanos() were a
  // switch on the unit's string per event)
  private static final byte PLAIN = 0;
  private static final byte NANOSECONDS = 1;
  private static final byte MICROSECONDS = 2;
  private static final byte MILLISECONDS = 3;
  private static final byte SECONDS = 4;
  private static final byte TICKS = 5;
  private static final byte OTHER_UNIT = 6;
  private static final byte MILLISECONDS_SINCE_EPOCH = 7;

  private static byte timestampUnit(Field field) {
    if (field.timestampUnit == null) {
      return PLAIN;
    }
    return switch (field.timestampUnit) {
      case "MILLISECONDS_SINCE_EPOCH" -> MILLISECONDS_SINCE_EPOCH;
      case "TICKS" -> TICKS;
      default -> OTHER_UNIT;
    };
  }

  private static byte timespanUnit(Field field) {
    if (field.timespanUnit == null) {
      return PLAIN;
    }
    return switch (field.timespanUnit) {
      case "NANOSECONDS" -> NANOSECONDS;
      case "MICROSECONDS" -> MICROSECONDS;
      case "MILLISECONDS" -> MILLISECONDS;
      case "SECONDS" -> SECONDS;
      case "TICKS" -> TICKS;
      default -> OTHER_UNIT;
    };
  }

  /** An integral field's value as the JDK reads it: the compressed integer cut to its type. */
  private long narrowed(int i) {
    long v = raw[i];
    return switch (fields[i].kind) {
      case JfrMetadata.CHAR -> (char) v;
      case JfrMetadata.SHORT -> (short) v;
      case JfrMetadata.INT -> (int) v;
      default -> v;
    };
  }

  // the fields' indices by name: open addressing on the name's hash, slot = index + 1 (0: empty),
  // at least twice as many slots as fields. The handlers ask for 2 to 13 fields per event by
  // name; a scan from the field found last compared about as many names as the type has fields
  private final int[] slotsByName;

  private static int[] slotsByName(String[] names) {
    int size = 8;
    while (size < 2 * names.length) {
      size *= 2;
    }
    int[] slots = new int[size];
    for (int i = 0; i < names.length; i++) {
      int s = names[i].hashCode() & (size - 1);
      while (slots[s] != 0) {
        s = (s + 1) & (size - 1);
      }
      slots[s] = i + 1;
    }
    return slots;
  }

  @SuppressWarnings("ReferenceEquality") // identity first: the callers pass interned literals
  private int index(String name) {
    int[] slots = slotsByName;
    int mask = slots.length - 1;
    for (int s = name.hashCode() & mask; slots[s] != 0; s = (s + 1) & mask) {
      int i = slots[s] - 1;
      if (names[i] == name) {
        return i;
      }
    }
    String[] n = names; // a name not interned, or no such field
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

  // the event's start and end in epoch nanoseconds, converted once per event by decode(): the
  // handlers ask for them up to four times (start, end, duration)
  private long startNanos;
  private long endNanos;
  private boolean instant; // no duration, or a zero one

  private void convertTimes() {
    long start = raw[0];
    startNanos = clock.timestamp(start);
    instant = durationIndex < 0 || raw[durationIndex] == 0;
    endNanos = instant ? startNanos : clock.timestamp(start + raw[durationIndex]);
  }

  @Override
  public long startEpochNanos() {
    return startNanos;
  }

  @Override
  public long endEpochNanos() {
    return endNanos;
  }

  @Override
  public long durationNanos() {
    return instant ? 0 : endNanos - startNanos;
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

  /** The chunk's entry of the committing thread, or null (none, or not a thread field). */
  ConstantPools.ThreadEntry eventThreadEntry() {
    return eventThreadIndex < 0 ? null : threadEntryAt(eventThreadIndex);
  }

  /** The chunk's entry of the thread in {@code field}, or null (none, or not a thread field). */
  ConstantPools.ThreadEntry threadEntry(String field) {
    int i = index(field);
    return i < 0 ? null : threadEntryAt(i);
  }

  private ConstantPools.ThreadEntry threadEntryAt(int i) {
    return threadRef[i] ? pools.threadEntry(raw[i]) : null;
  }

  @Override
  public boolean has(String field) {
    return index(field) >= 0;
  }

  // how integral() widens each field, computed once per type: one switch per read instead of the
  // scalar check and two switches on the kind (a statistics event reads 13 fields)
  private static final byte AS_READ = 0; // long, signed byte
  private static final byte AS_CHAR = 1;
  private static final byte AS_INT = 2;
  private static final byte AS_UNSIGNED_INT = 3;
  private static final byte AS_SHORT = 4;
  private static final byte AS_UNSIGNED_SHORT = 5;
  private static final byte AS_UNSIGNED_BYTE = 6;
  private static final byte NOT_INTEGRAL = 7;

  private static byte integralOp(Field f) {
    if (f.array || f.kind == JfrMetadata.STRUCT) {
      return NOT_INTEGRAL;
    }
    return switch (f.kind) {
      case JfrMetadata.LONG -> AS_READ;
      case JfrMetadata.CHAR -> AS_CHAR;
      case JfrMetadata.INT -> f.unsigned ? AS_UNSIGNED_INT : AS_INT;
      case JfrMetadata.SHORT -> f.unsigned ? AS_UNSIGNED_SHORT : AS_SHORT;
      case JfrMetadata.BYTE -> f.unsigned ? AS_UNSIGNED_BYTE : AS_READ;
      default -> NOT_INTEGRAL;
    };
  }

  /** The JDK's getLong: integral fields widened, unsigned ones as unsigned. */
  private long integral(int i) {
    long v = raw[i];
    return switch (integralOps[i]) {
      case AS_READ -> v;
      case AS_CHAR -> (char) v;
      case AS_INT -> (int) v;
      case AS_UNSIGNED_INT -> v & 0xffff_ffffL;
      case AS_SHORT -> (short) v;
      case AS_UNSIGNED_SHORT -> v & 0xffffL;
      case AS_UNSIGNED_BYTE -> v & 0xffL;
      default -> throw notIntegral(i);
    };
  }

  private UnsupportedRecordingException notIntegral(int i) {
    Field f = scalar(i); // throws for an array or a struct
    return new UnsupportedRecordingException(typeName + "." + f.name + " is not integral");
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
          (float) narrowed(i);
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
    byte unit = timespanUnits[i];
    if (unit == PLAIN) {
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
        case NANOSECONDS -> v;
        case MICROSECONDS -> 1000 * v;
        case MILLISECONDS -> Math.multiplyExact(v, 1_000_000L);
        case SECONDS -> Math.multiplyExact(v, 1_000_000_000L);
        case TICKS -> clock.timespan(v);
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
    byte unit = timestampUnits[i];
    if (unit == PLAIN) {
      return -1;
    }
    if (v == Long.MIN_VALUE) {
      return Fields.toEpochNanos(Instant.MIN);
    }
    return switch (unit) {
      // what Fields.toEpochNanos(Instant.ofEpochMilli(v)) gives, without an Instant per event
      case MILLISECONDS_SINCE_EPOCH -> v * 1_000_000L;
      case TICKS -> clock.timestamp(v);
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

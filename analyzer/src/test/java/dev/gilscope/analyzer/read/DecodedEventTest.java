package dev.gilscope.analyzer.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gilscope.analyzer.testing.CompressedIntegers;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * {@link DecodedEvent#decode} reads the common fields of a heap chunk straight from its array and
 * everything else, and every field near the chunk's end, through {@link ChunkInput}: an event reads
 * the same in the middle of a chunk (the fast path), at its very end (the checked path) and from a
 * mapped chunk.
 */
class DecodedEventTest {
  private static final long[] LONGS = {
    0,
    1,
    127,
    128,
    16_383,
    16_384,
    1L << 35,
    (1L << 49) - 1,
    1L << 56,
    Long.MAX_VALUE,
    -1,
    Long.MIN_VALUE
  };

  private static final String[] STRINGS = {
    null, "", "bench#GIL", "x".repeat(127), "y".repeat(128), "caf\u00e9 \u20ac", "\u20ac".repeat(50)
  };

  /** {@code s} in each of JFR's string encodings that can hold it. */
  private static byte[][] encodings(String s) {
    if (s == null) {
      return new byte[][] {{Strings.NULL}};
    }
    ByteArrayOutputStream utf8 = new ByteArrayOutputStream();
    utf8.write(Strings.UTF8);
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    CompressedIntegers.write(utf8, bytes.length);
    utf8.writeBytes(bytes);
    ByteArrayOutputStream chars = new ByteArrayOutputStream();
    chars.write(Strings.CHAR_ARRAY);
    CompressedIntegers.write(chars, s.length());
    s.chars().forEach(c -> CompressedIntegers.write(chars, c));
    byte[] empty = {Strings.EMPTY};
    return s.isEmpty()
        ? new byte[][] {empty, utf8.toByteArray(), chars.toByteArray()}
        : new byte[][] {utf8.toByteArray(), chars.toByteArray()};
  }

  private static JfrMetadata.Field field(String name, int kind) {
    JfrMetadata.Field f = new JfrMetadata.Field(name, 0, false, false);
    f.kind = kind;
    f.type = new JfrMetadata.Type(0, name);
    return f;
  }

  private static JfrMetadata.Type eventType() {
    JfrMetadata.Type type = new JfrMetadata.Type(200, "test.Event");
    type.fields =
        new JfrMetadata.Field[] {
          field("startTime", JfrMetadata.LONG),
          field("count", JfrMetadata.LONG),
          field("flag", JfrMetadata.BOOLEAN),
          field("text", JfrMetadata.STRING),
          field("after", JfrMetadata.LONG)
        };
    return type;
  }

  /** One event's fields: startTime, count, flag, text (one encoding), after. */
  private static byte[] event(long count, byte[] text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CompressedIntegers.write(out, 1_000);
    CompressedIntegers.write(out, count);
    out.write(1);
    out.writeBytes(text);
    CompressedIntegers.write(out, count ^ 0x5555);
    return out.toByteArray();
  }

  private record Read(long count, boolean flag, String text, long after, int end) {}

  private static Read decodeAt(ChunkInput in, int at) {
    DecodedEvent e =
        new DecodedEvent(
            eventType(),
            in,
            new ConstantPools(),
            new TicksConverter(0, 0, 1_000_000_000L),
            v -> {});
    in.position(at);
    e.decode();
    return new Read(
        e.longValue("count"),
        e.booleanValue("flag"),
        e.string("text"),
        e.longValue("after"),
        in.position());
  }

  @Test
  void anEventReadsTheSameInTheMiddleAtTheEndAndMapped() {
    for (long count : LONGS) {
      for (String s : STRINGS) {
        for (byte[] text : encodings(s)) {
          byte[] event = event(count, text);
          Read expected = new Read(count, true, s, count ^ 0x5555, event.length);
          // in the middle: 100 bytes of room after it
          byte[] roomy = new byte[event.length + 100];
          System.arraycopy(event, 0, roomy, 0, event.length);
          assertThat(decodeAt(new ChunkInput(roomy, roomy.length), 0)).isEqualTo(expected);
          // at the very end of the chunk, after 3 bytes of something else
          byte[] atEnd = new byte[event.length + 3];
          System.arraycopy(event, 0, atEnd, 3, event.length);
          assertThat(decodeAt(new ChunkInput(atEnd, atEnd.length), 3))
              .isEqualTo(new Read(count, true, s, count ^ 0x5555, atEnd.length));
          assertThat(decodeAt(new ChunkInput(ByteBuffer.wrap(roomy.clone())), 0))
              .isEqualTo(expected);
        }
      }
    }
  }

  @Test
  void aStringLongerThanTheChunkFallsBackToTheCheckedPathAndFails() {
    // a Latin-1 string that says 100 bytes with 40 left in the chunk
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    text.write(Strings.LATIN1);
    CompressedIntegers.write(text, 100);
    byte[] event = event(7, text.toByteArray());
    byte[] chunk = new byte[event.length + 40];
    System.arraycopy(event, 0, chunk, 0, event.length);
    assertThatThrownBy(() -> decodeAt(new ChunkInput(chunk, chunk.length), 0))
        .isInstanceOf(UnsupportedRecordingException.class);
  }

  @Test
  void integralFieldsWidenAsTheJdkDoes() {
    JfrMetadata.Type type = new JfrMetadata.Type(201, "test.Integral");
    JfrMetadata.Field unsignedInt = field("uint", JfrMetadata.INT);
    unsignedInt.unsigned = true;
    JfrMetadata.Field unsignedShort = field("ushort", JfrMetadata.SHORT);
    unsignedShort.unsigned = true;
    JfrMetadata.Field unsignedByte = field("ubyte", JfrMetadata.BYTE);
    unsignedByte.unsigned = true;
    type.fields =
        new JfrMetadata.Field[] {
          field("startTime", JfrMetadata.LONG),
          field("int", JfrMetadata.INT),
          unsignedInt,
          field("short", JfrMetadata.SHORT),
          unsignedShort,
          field("byte", JfrMetadata.BYTE),
          unsignedByte,
          field("char", JfrMetadata.CHAR),
          field("flag", JfrMetadata.BOOLEAN)
        };
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CompressedIntegers.write(out, 1_000);
    CompressedIntegers.write(out, -2); // int -2
    CompressedIntegers.write(out, -2); // unsigned int: 2^32 - 2
    CompressedIntegers.write(out, 0x1_8001); // short: the low 16 bits, signed
    CompressedIntegers.write(out, -1); // unsigned short: 65535
    out.write(0xfe); // byte -2
    out.write(0xfe); // unsigned byte 254
    CompressedIntegers.write(out, 0x1_0041); // char 'A'
    out.write(1);
    byte[] bytes = out.toByteArray();
    ChunkInput in = new ChunkInput(bytes, bytes.length);
    DecodedEvent e =
        new DecodedEvent(
            type, in, new ConstantPools(), new TicksConverter(0, 0, 1_000_000_000L), v -> {});
    in.position(0);
    e.decode();
    assertThat(e.longValue("int")).isEqualTo(-2);
    assertThat(e.longValue("uint")).isEqualTo(0xffff_fffeL);
    assertThat(e.longValue("short")).isEqualTo((short) 0x8001);
    assertThat(e.longValue("ushort")).isEqualTo(0xffff);
    assertThat(e.longValue("byte")).isEqualTo(-2);
    assertThat(e.longValue("ubyte")).isEqualTo(254);
    assertThat(e.longValue("char")).isEqualTo('A');
    assertThatThrownBy(() -> e.longValue("flag"))
        .isInstanceOf(UnsupportedRecordingException.class)
        .hasMessageContaining("flag is not integral");
  }
}

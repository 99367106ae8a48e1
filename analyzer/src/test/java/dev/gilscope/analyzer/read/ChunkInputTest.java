package dev.gilscope.analyzer.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gilscope.analyzer.testing.CompressedIntegers;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Compressed integers read alike from a heap array (with and without room) and a mapped chunk. */
class ChunkInputTest {
  private static final long[] VALUES = {
    0,
    1,
    127,
    128,
    16_383,
    16_384,
    2_097_151,
    2_097_152,
    268_435_455,
    268_435_456,
    (1L << 35) - 1,
    1L << 35,
    (1L << 42) + 5,
    (1L << 49) - 1,
    1L << 49,
    (1L << 56) - 1,
    1L << 56,
    Long.MAX_VALUE,
    -1,
    Long.MIN_VALUE,
    1_764_614_400_000_000_000L
  };

  private static List<ChunkInput> inputs(byte[] bytes) {
    List<ChunkInput> inputs = new ArrayList<>();
    inputs.add(new ChunkInput(bytes, bytes.length)); // the last values near the end: checked path
    byte[] roomy = new byte[bytes.length + 16];
    System.arraycopy(bytes, 0, roomy, 0, bytes.length);
    inputs.add(new ChunkInput(roomy, bytes.length));
    inputs.add(new ChunkInput(ByteBuffer.wrap(bytes.clone()).asReadOnlyBuffer()));
    return inputs;
  }

  @Test
  void readsEveryLengthOfCompressedLong() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (long v : VALUES) {
      CompressedIntegers.write(out, v);
    }
    byte[] bytes = out.toByteArray();
    for (ChunkInput in : inputs(bytes)) {
      for (long v : VALUES) {
        assertThat(in.readLong()).isEqualTo(v);
      }
      assertThat(in.position()).isEqualTo(bytes.length);
    }
  }

  @Test
  void readingPastTheChunkThrows() {
    byte[] bytes = {(byte) 0x80, (byte) 0x80}; // a compressed long cut short
    for (ChunkInput in : inputs(bytes)) {
      assertThatThrownBy(in::readLong).isInstanceOf(IndexOutOfBoundsException.class);
    }
  }

  @Test
  void comparesAndCopiesRegions() {
    byte[] bytes = {1, 2, 3, 4, 5};
    for (ChunkInput in : inputs(bytes)) {
      assertThat(in.copy(1, 4)).containsExactly(2, 3, 4);
      assertThat(in.regionEquals(1, 4, new byte[] {2, 3, 4})).isTrue();
      assertThat(in.regionEquals(1, 4, new byte[] {2, 3, 5})).isFalse();
      assertThat(in.regionEquals(1, 5, new byte[] {2, 3, 4})).isFalse();
      assertThat(in.rawIntAt(1)).isEqualTo(0x02030405);
      assertThat(in.rawShortAt(0)).isEqualTo((short) 0x0102);
    }
  }
}

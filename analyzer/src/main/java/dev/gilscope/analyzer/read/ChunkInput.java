package dev.gilscope.analyzer.read;

import java.nio.ByteBuffer;

/**
 * Reads one chunk's bytes with JFR's encodings: compressed integers are little-endian groups of 7
 * bits with a continuation bit, the ninth byte carrying a full 8 bits; floats and doubles are raw
 * big-endian bits. The bytes are a heap array (a chunk read into the reader's reused buffer: plain
 * array reads, the fastest there are) or, for a chunk too large to copy into the heap, a
 * memory-mapped, big-endian region of the file. Reading past the chunk throws {@link
 * IndexOutOfBoundsException}, which the decoder turns into a fallback. Thread-confined.
 */
final class ChunkInput {
  /** The chunk's bytes from index 0, or null when they are {@link #mapped}. */
  private final byte[] array;

  private final ByteBuffer mapped;
  private final int size;
  private int position;

  /** The first {@code size} bytes of {@code array} are the chunk. */
  ChunkInput(byte[] array, int size) {
    if (size > array.length) {
      throw new IllegalArgumentException("size " + size + " > " + array.length);
    }
    this.array = array;
    this.mapped = null;
    this.size = size;
  }

  /** The chunk is {@code bytes} from index 0 to its limit. */
  ChunkInput(ByteBuffer bytes) {
    this.array = null;
    this.mapped = bytes;
    this.size = bytes.limit();
  }

  int position() {
    return position;
  }

  /**
   * The heap array whose first {@link #size} bytes are the chunk, for a decoding loop that reads it
   * directly (see {@code DecodedEvent.decode}); null when the chunk is mapped.
   */
  byte[] heapArray() {
    return array;
  }

  void position(int newPosition) {
    position = newPosition;
  }

  int size() {
    return size;
  }

  private byte at(int i) {
    if (array != null) {
      if (i >= size) {
        throw new IndexOutOfBoundsException("byte " + i + " of a chunk of " + size);
      }
      return array[i];
    }
    return mapped.get(i);
  }

  byte readByte() {
    return at(position++);
  }

  long readLong() {
    byte[] a = array;
    int p = position;
    if (a == null || p > size - 9) {
      return readLongChecked();
    }
    // all nine bytes a compressed long may take are in the chunk: no check per byte
    byte b = a[p];
    if (b >= 0) {
      position = p + 1;
      return b;
    }
    long value = b & 0x7fL;
    b = a[p + 1];
    value |= (b & 0x7fL) << 7;
    if (b >= 0) {
      position = p + 2;
      return value;
    }
    b = a[p + 2];
    value |= (b & 0x7fL) << 14;
    if (b >= 0) {
      position = p + 3;
      return value;
    }
    b = a[p + 3];
    value |= (b & 0x7fL) << 21;
    if (b >= 0) {
      position = p + 4;
      return value;
    }
    return readLongTail(a, p, value);
  }

  /** Bytes 5 to 9 of a long compressed integer (timestamps, addresses). */
  private long readLongTail(byte[] a, int p, long head) {
    long value = head;
    for (int i = 4, shift = 28; i < 8; i++, shift += 7) {
      byte b = a[p + i];
      value |= (b & 0x7fL) << shift;
      if (b >= 0) {
        position = p + i + 1;
        return value;
      }
    }
    value |= (a[p + 8] & 0xffL) << 56;
    position = p + 9;
    return value;
  }

  /** A compressed long near the chunk's end, or from a mapped chunk: every byte checked. */
  private long readLongChecked() {
    int p = position;
    byte b = at(p++);
    if (b >= 0) {
      position = p;
      return b;
    }
    long value = b & 0x7fL;
    for (int shift = 7; shift < 56; shift += 7) {
      b = at(p++);
      value |= (b & 0x7fL) << shift;
      if (b >= 0) {
        position = p;
        return value;
      }
    }
    value |= (at(p++) & 0xffL) << 56;
    position = p;
    return value;
  }

  int readInt() {
    return (int) readLong();
  }

  int readRawInt() {
    int v = rawIntAt(position);
    position += 4;
    return v;
  }

  long readRawLong() {
    long v = rawLongAt(position);
    position += 8;
    return v;
  }

  long rawLongAt(int at) {
    if (array == null) {
      return mapped.getLong(at);
    }
    return ((long) rawIntAt(at) << 32) | (rawIntAt(at + 4) & 0xffff_ffffL);
  }

  int rawIntAt(int at) {
    if (array == null) {
      return mapped.getInt(at);
    }
    return (at(at) & 0xff) << 24
        | (at(at + 1) & 0xff) << 16
        | (at(at + 2) & 0xff) << 8
        | (at(at + 3) & 0xff);
  }

  short rawShortAt(int at) {
    if (array == null) {
      return mapped.getShort(at);
    }
    return (short) ((at(at) & 0xff) << 8 | (at(at + 1) & 0xff));
  }

  void skip(int count) {
    if (count < 0 || count > size - position) {
      throw new UnsupportedRecordingException("bad length " + count + " at " + position);
    }
    position += count;
  }

  void readBytes(byte[] into, int count) {
    if (count < 0 || count > size - position) {
      throw new IndexOutOfBoundsException("bad length " + count + " at " + position);
    }
    if (array != null) {
      System.arraycopy(array, position, into, 0, count);
    } else {
      mapped.get(position, into, 0, count);
    }
    position += count;
  }

  /** A copy of bytes {@code from} (inclusive) to {@code to} (exclusive). */
  byte[] copy(int from, int to) {
    if (from < 0 || to > size || from > to) {
      throw new IndexOutOfBoundsException("bytes " + from + ".." + to + " of " + size);
    }
    byte[] copy = new byte[to - from];
    if (array != null) {
      System.arraycopy(array, from, copy, 0, copy.length);
    } else {
      mapped.get(from, copy, 0, copy.length);
    }
    return copy;
  }

  /** Whether bytes {@code from} (inclusive) to {@code to} (exclusive) equal {@code other}. */
  boolean regionEquals(int from, int to, byte[] other) {
    if (from < 0 || to > size || from > to || to - from != other.length) {
      return false;
    }
    if (array != null) {
      return java.util.Arrays.equals(array, from, to, other, 0, other.length);
    }
    return mapped.slice(from, to - from).equals(ByteBuffer.wrap(other));
  }
}

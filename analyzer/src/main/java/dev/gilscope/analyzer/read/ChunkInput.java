package dev.gilscope.analyzer.read;

import java.nio.ByteBuffer;

/**
 * Reads one chunk's bytes (a memory-mapped, big-endian region of the file) with JFR's encodings:
 * compressed integers are little-endian groups of 7 bits with a continuation bit, the ninth byte
 * carrying a full 8 bits; floats and doubles are raw big-endian bits. Reading past the chunk throws
 * {@link IndexOutOfBoundsException}, which the decoder turns into a fallback. Thread-confined.
 */
final class ChunkInput {
  private final ByteBuffer bytes;
  private int position;

  ChunkInput(ByteBuffer bytes) {
    this.bytes = bytes;
  }

  int position() {
    return position;
  }

  void position(int newPosition) {
    position = newPosition;
  }

  int size() {
    return bytes.limit();
  }

  byte readByte() {
    return bytes.get(position++);
  }

  long readLong() {
    int p = position;
    byte b = bytes.get(p++);
    if (b >= 0) {
      position = p;
      return b;
    }
    long value = b & 0x7fL;
    for (int shift = 7; shift < 56; shift += 7) {
      b = bytes.get(p++);
      value |= (b & 0x7fL) << shift;
      if (b >= 0) {
        position = p;
        return value;
      }
    }
    value |= (bytes.get(p++) & 0xffL) << 56;
    position = p;
    return value;
  }

  int readInt() {
    return (int) readLong();
  }

  int readRawInt() {
    int v = bytes.getInt(position);
    position += 4;
    return v;
  }

  long readRawLong() {
    long v = bytes.getLong(position);
    position += 8;
    return v;
  }

  long rawLongAt(int at) {
    return bytes.getLong(at);
  }

  int rawIntAt(int at) {
    return bytes.getInt(at);
  }

  short rawShortAt(int at) {
    return bytes.getShort(at);
  }

  void skip(int count) {
    if (count < 0 || count > bytes.limit() - position) {
      throw new UnsupportedRecordingException("bad length " + count + " at " + position);
    }
    position += count;
  }

  void readBytes(byte[] into, int count) {
    bytes.get(position, into, 0, count);
    position += count;
  }
}

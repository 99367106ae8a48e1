package dev.gilscope.analyzer.read;

import java.nio.charset.StandardCharsets;

/**
 * JFR's string encodings: a byte (0 null, 1 empty, 2 constant-pool key, 3 UTF-8, 4 char array, 5
 * Latin-1) then the payload ({@code [length][bytes]}, {@code [count][char]...} or {@code [key]}).
 * Any other encoding is unsupported (the reader falls back to the JDK's parser).
 */
final class Strings {
  static final byte NULL = 0;
  static final byte EMPTY = 1;
  static final byte CONSTANT_POOL = 2;
  static final byte UTF8 = 3;
  static final byte CHAR_ARRAY = 4;
  static final byte LATIN1 = 5;

  /** A string held in the chunk's {@code java.lang.String} constant pool, resolved later. */
  record PoolRef(long key) {}

  private Strings() {}

  /** Reads an inline string; a constant-pool reference is unsupported here. */
  static String read(ChunkInput in) {
    Object s = readOrRef(in);
    if (s instanceof PoolRef) {
      throw new UnsupportedRecordingException("string constant where an inline string is expected");
    }
    return (String) s;
  }

  /** Reads a string, or the {@link PoolRef} of a constant-pool string. */
  static Object readOrRef(ChunkInput in) {
    byte encoding = in.readByte();
    switch (encoding) {
      case NULL:
        return null;
      case EMPTY:
        return "";
      case CONSTANT_POOL:
        return new PoolRef(in.readLong());
      case UTF8:
        return bytes(in, true);
      case LATIN1:
        return bytes(in, false);
      case CHAR_ARRAY:
        {
          int count = length(in);
          char[] chars = new char[count];
          for (int i = 0; i < count; i++) {
            chars[i] = (char) in.readLong();
          }
          return new String(chars);
        }
      default:
        throw new UnsupportedRecordingException("unknown string encoding " + encoding);
    }
  }

  static void skip(ChunkInput in) {
    byte encoding = in.readByte();
    switch (encoding) {
      case NULL:
      case EMPTY:
        return;
      case CONSTANT_POOL:
        in.readLong();
        return;
      case UTF8:
      case LATIN1:
        in.skip(length(in));
        return;
      case CHAR_ARRAY:
        {
          int count = length(in);
          for (int i = 0; i < count; i++) {
            in.readLong();
          }
          return;
        }
      default:
        throw new UnsupportedRecordingException("unknown string encoding " + encoding);
    }
  }

  private static String bytes(ChunkInput in, boolean utf8) {
    int length = length(in);
    byte[] bytes = new byte[length];
    in.readBytes(bytes, length);
    return new String(bytes, utf8 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
  }

  private static int length(ChunkInput in) {
    int length = in.readInt();
    if (length < 0 || length > in.size() - in.position()) {
      throw new UnsupportedRecordingException("bad string length " + length);
    }
    return length;
  }
}

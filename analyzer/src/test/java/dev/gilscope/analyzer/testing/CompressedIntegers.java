package dev.gilscope.analyzer.testing;

import java.io.ByteArrayOutputStream;

/** JFR's compressed integers, written as a recording holds them, for tests of the decoder. */
public final class CompressedIntegers {
  private CompressedIntegers() {}

  /** 7 bits a byte, low first, with a continuation bit; the ninth byte carries 8 bits. */
  public static void write(ByteArrayOutputStream out, long value) {
    long v = value;
    for (int i = 0; i < 8; i++) {
      if ((v & ~0x7fL) == 0) {
        out.write((int) v);
        return;
      }
      out.write((int) (v & 0x7f) | 0x80);
      v >>>= 7;
    }
    out.write((int) v);
  }
}

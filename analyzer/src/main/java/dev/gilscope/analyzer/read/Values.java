package dev.gilscope.analyzer.read;

import dev.gilscope.analyzer.read.JfrMetadata.Field;
import dev.gilscope.analyzer.read.JfrMetadata.Type;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Skips serialized values by their metadata description; no allocation per value. A type's (or
 * field's) layout is flattened once into a {@link Skipper}, a list of primitive reads with nested
 * skippers for arrays, kept with the type: the constant pools repeat the same few types thousands
 * of times per chunk, and a flat loop is quicker to run and to compile than a walk over the
 * metadata.
 */
final class Values {
  private static final byte VARINT = FieldOp.VARINT;
  private static final byte ONE_BYTE = FieldOp.ONE_BYTE;
  private static final byte STRING = FieldOp.STRING;
  private static final byte RAW4 = FieldOp.RAW4;
  private static final byte RAW8 = FieldOp.RAW8;
  private static final byte ARRAY = 5;
  private static final int MAX_DEPTH = 64;

  private Values() {}

  /** How to skip one value: {@code ops} in order; at an {@code ARRAY} op, its element skipper. */
  static final class Skipper {
    final byte[] ops;
    final Skipper[] elements;

    Skipper(byte[] ops, Skipper[] elements) {
      this.ops = ops;
      this.elements = elements;
    }
  }

  static void skip(ChunkInput in, Field f) {
    Skipper s = f.skipper;
    if (s == null) {
      s = compile(f.kind, f.type, f.array, 0);
      f.skipper = s;
    }
    run(in, s);
  }

  static void skipValue(ChunkInput in, Type type) {
    Skipper s = type.skipper;
    if (s == null) {
      s = compile(type.kind, type, false, 0);
      type.skipper = s;
    }
    run(in, s);
  }

  private static void run(ChunkInput in, Skipper s) {
    byte[] ops = s.ops;
    for (int i = 0; i < ops.length; i++) {
      switch (ops[i]) {
        case VARINT -> in.readLong();
        case ONE_BYTE -> in.readByte();
        case STRING -> Strings.skip(in);
        case RAW4 -> in.skip(4);
        case RAW8 -> in.skip(8);
        default -> {
          int count = in.readInt();
          if (count < 0 || count > in.size() - in.position()) {
            throw new UnsupportedRecordingException("bad array length " + count);
          }
          Skipper element = s.elements[i];
          for (int j = 0; j < count; j++) {
            run(in, element);
          }
        }
      }
    }
  }

  private static Skipper compile(int kind, Type type, boolean array, int depth) {
    ByteArrayOutputStream ops = new ByteArrayOutputStream();
    List<Skipper> elements = new ArrayList<>();
    emit(ops, elements, kind, type, array, depth);
    return new Skipper(ops.toByteArray(), elements.toArray(new Skipper[0]));
  }

  /**
   * Appends the ops of one value; {@code elements} holds one entry per op (null but for arrays).
   */
  private static void emit(
      ByteArrayOutputStream ops,
      List<Skipper> elements,
      int kind,
      Type type,
      boolean array,
      int depth) {
    if (depth > MAX_DEPTH) {
      throw new UnsupportedRecordingException("values nested too deep in " + type.name);
    }
    if (array) {
      ops.write(ARRAY);
      elements.add(compile(kind, type, false, depth + 1));
      return;
    }
    byte op = FieldOp.of(kind);
    if (op >= 0) {
      ops.write(op);
      elements.add(null);
      return;
    }
    for (Field f : type.fields) {
      emit(ops, elements, f.kind, f.type, f.array, depth + 1);
    }
  }
}

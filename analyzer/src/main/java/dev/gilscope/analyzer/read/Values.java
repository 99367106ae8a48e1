package dev.gilscope.analyzer.read;

import dev.gilscope.analyzer.read.JfrMetadata.Field;
import dev.gilscope.analyzer.read.JfrMetadata.Type;

/** Skips serialized values by their metadata description; no allocation. */
final class Values {
  private Values() {}

  static void skip(ChunkInput in, Field f) {
    if (f.array) {
      int count = in.readInt();
      if (count < 0 || count > in.size() - in.position()) {
        throw new UnsupportedRecordingException("bad array length " + count);
      }
      for (int i = 0; i < count; i++) {
        skipOne(in, f.kind, f.type);
      }
    } else {
      skipOne(in, f.kind, f.type);
    }
  }

  static void skipValue(ChunkInput in, Type type) {
    skipOne(in, type.kind, type);
  }

  private static void skipOne(ChunkInput in, int kind, Type type) {
    switch (kind) {
      case JfrMetadata.BOOLEAN, JfrMetadata.BYTE -> in.readByte();
      case JfrMetadata.CHAR,
          JfrMetadata.SHORT,
          JfrMetadata.INT,
          JfrMetadata.LONG,
          JfrMetadata.CONSTANT ->
          in.readLong();
      case JfrMetadata.FLOAT -> in.skip(4);
      case JfrMetadata.DOUBLE -> in.skip(8);
      case JfrMetadata.STRING -> Strings.skip(in);
      default -> {
        for (Field f : type.fields) {
          skip(in, f);
        }
      }
    }
  }
}

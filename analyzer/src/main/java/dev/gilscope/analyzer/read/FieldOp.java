package dev.gilscope.analyzer.read;

/**
 * How a value of one JFR field kind is laid out in an event or constant pool, the read operation
 * both {@link DecodedEvent} and {@link Values} precompute per field; values 5 and up are theirs.
 */
final class FieldOp {
  static final byte VARINT = 0;
  static final byte ONE_BYTE = 1;
  static final byte STRING = 2;
  static final byte RAW4 = 3;
  static final byte RAW8 = 4;

  private FieldOp() {}

  /** The operation that reads a scalar of {@code kind} ({@code JfrMetadata}), or -1 for others. */
  static byte of(int kind) {
    return switch (kind) {
      case JfrMetadata.BOOLEAN, JfrMetadata.BYTE -> ONE_BYTE;
      case JfrMetadata.CHAR,
          JfrMetadata.SHORT,
          JfrMetadata.INT,
          JfrMetadata.LONG,
          JfrMetadata.CONSTANT ->
          VARINT;
      case JfrMetadata.FLOAT -> RAW4;
      case JfrMetadata.DOUBLE -> RAW8;
      case JfrMetadata.STRING -> STRING;
      default -> -1;
    };
  }
}

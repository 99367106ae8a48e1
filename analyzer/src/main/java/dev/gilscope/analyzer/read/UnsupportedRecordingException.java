package dev.gilscope.analyzer.read;

/**
 * gilscope's chunk decoder met something it does not understand (a format version, an encoding, a
 * layout, a value whose meaning only the JDK's parser pins down). The reader then analyses the
 * whole file again with the JDK's {@code EventStream}: never a guessed number.
 */
final class UnsupportedRecordingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UnsupportedRecordingException(String message) {
    super(message, null, false, false);
  }
}

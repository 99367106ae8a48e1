package dev.gilscope.analyzer.read;

/**
 * The input cannot be analysed: missing, not a recording, truncated, corrupt. The message starts
 * lower case and names the path, so the CLI prints {@code gilscope analyze: <message>}; the user
 * needs to fix the input, not the command line.
 */
public final class InputException extends Exception {
  private static final long serialVersionUID = 1L;

  public InputException(String message) {
    super(message);
  }

  public InputException(String message, Throwable cause) {
    super(message, cause);
  }
}

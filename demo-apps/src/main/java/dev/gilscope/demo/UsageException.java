package dev.gilscope.demo;

/**
 * Bad command-line usage: the message (lower case, one line) is printed after a {@code gilscope
 * demos <command>: } prefix and the process exits with status 2.
 */
public final class UsageException extends Exception {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }
}

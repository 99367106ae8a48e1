package dev.gilscope.analyzer.live;

/**
 * Why a watch cannot start or go on: one lower-case line, printed as {@code gilscope watch: ...}.
 */
public final class WatchException extends Exception {
  public WatchException(String message) {
    super(message);
  }

  public WatchException(String message, Throwable cause) {
    super(message, cause);
  }
}

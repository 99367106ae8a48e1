package dev.gilscope.agent.config;

/** A bad {@code -javaagent} option; the message is one lower-case line naming the value. */
public final class OptionException extends Exception {
  public OptionException(String message) {
    super(message);
  }
}

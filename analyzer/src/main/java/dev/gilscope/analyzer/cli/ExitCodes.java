package dev.gilscope.analyzer.cli;

/** The CLI's exit codes: a contract that scripts and CI gates depend on. */
public final class ExitCodes {
  /** The recording was analysed, whatever was found. */
  public static final int OK = 0;

  /** Bad usage or bad input: one line on stderr says which. */
  public static final int BAD_USAGE_OR_INPUT = 2;

  /** A kind named by {@code --fail-on} was found at WARNING or above. */
  public static final int FAIL_ON_FOUND = 3;

  /** A bug in gilscope itself (the message asks for a report). */
  public static final int INTERNAL_ERROR = 1;

  private ExitCodes() {}
}

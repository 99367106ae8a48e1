package dev.gilscope.analyzer.cli;

import dev.gilscope.analyzer.live.WatchCommand;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Entry point of {@code java -jar gilscope-analyzer.jar}: the {@code gilscope} command with its
 * explicit list of subcommands (today {@code analyze}). Maps picocli's usage errors to exit 2 with
 * one {@code gilscope <cmd>: <message>} line and a usage hint.
 */
@Command(
    name = "gilscope",
    mixinStandardHelpOptions = true,
    version = "gilscope analyzer 0.1.0",
    description = "Finds the GILs in JFR recordings: SERIALIZATION, THRASHING, CONVOY, STARVATION.",
    subcommands = {AnalyzeCommand.class, WatchCommand.class})
public final class GilscopeAnalyzer implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the CLI in-process (tests call this) and returns the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    AnalyzeCommand simple =
        AnalyzeCommand.parseSimple(
            args,
            new PrintWriter(out, true, StandardCharsets.UTF_8),
            new PrintWriter(err, true, StandardCharsets.UTF_8));
    if (simple != null) {
      // the common, valid command lines run without picocli's start-up; picocli parses the rest
      try {
        return simple.call();
      } catch (RuntimeException ex) {
        return internalError(ex, err);
      }
    }
    CommandLine cli = new CommandLine(new GilscopeAnalyzer());
    cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    cli.setParameterExceptionHandler((ex, a) -> usageError(ex, err));
    cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> internalError(ex, err));
    return cli.execute(args);
  }

  private static int internalError(Exception ex, PrintStream err) {
    err.println("gilscope: unexpected internal error, please report it: " + ex);
    ex.printStackTrace(err);
    return ExitCodes.INTERNAL_ERROR;
  }

  @Override
  public void run() {
    // "gilscope" without a subcommand is a usage error
    throw new ParameterException(spec.commandLine(), "missing command, expected: analyze or watch");
  }

  private static int usageError(ParameterException ex, PrintStream err) {
    String command = ex.getCommandLine().getCommandName();
    String prefix = "gilscope".equals(command) ? "gilscope: " : "gilscope " + command + ": ";
    String message = lowerFirst(ex.getMessage());
    if (ex instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
      String first = u.getUnmatched().get(0);
      message =
          (first.startsWith("-") ? "unknown option '" : "unexpected argument '") + first + "'";
      if (!u.getSuggestions().isEmpty()) {
        message += ", did you mean " + u.getSuggestions().get(0) + "?";
      }
    }
    err.println(prefix + message);
    if ("watch".equals(command)) {
      err.println(WatchCommand.USAGE);
      return ExitCodes.BAD_USAGE_OR_INPUT;
    }
    err.println(
        "usage: gilscope analyze <recording.jfr|dir>... [--format text|json|html] [--output FILE]"
            + " [--monitor NAME] [--fail-on KIND,...]; try 'gilscope analyze --help'");
    return ExitCodes.BAD_USAGE_OR_INPUT;
  }

  static String lowerFirst(String s) {
    if (s == null || s.isEmpty()) {
      return "bad usage";
    }
    String oneLine = s.strip().replace('\n', ' ').replace('\r', ' ');
    return oneLine.substring(0, 1).toLowerCase(Locale.ROOT) + oneLine.substring(1);
  }
}

package dev.gilscope.demo;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * picocli's parser for the demos' command lines, each described in code ({@link CommandSpec}): the
 * options are data (a scenario's {@link dev.gilscope.demo.OptionSpec} list), not annotated fields.
 * As the demos always parsed: a repeated option's last value wins, no {@code @file} expansion, no
 * abbreviations.
 */
public final class CommandLines {
  private CommandLines() {}

  /** A command with {@code -h}/{@code --help}; add the options to it. */
  public static CommandSpec withHelp(String name) {
    CommandSpec spec = CommandSpec.create().name(name);
    spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).build());
    return spec;
  }

  /**
   * Parses {@code args}; the messages of the errors are the caller's, from what picocli reports.
   *
   * @throws UsageException with an empty message for {@code --help} (the caller prints the help)
   */
  public static ParseResult parse(CommandSpec spec, List<String> args, Errors errors)
      throws UsageException {
    CommandLine parser = new CommandLine(spec);
    parser.setOverwrittenOptionsAllowed(true);
    parser.setExpandAtFiles(false);
    ParseResult parsed;
    try {
      parsed = parser.parseArgs(args.toArray(String[]::new));
    } catch (CommandLine.UnmatchedArgumentException e) {
      List<String> unmatched = e.getUnmatched();
      throw new UsageException(errors.unmatched(unmatched.isEmpty() ? "" : unmatched.get(0)));
    } catch (CommandLine.MissingParameterException e) {
      ArgSpec missing = e.getMissing().get(0);
      String name =
          missing instanceof OptionSpec option ? option.longestName() : missing.paramLabel();
      throw new UsageException(errors.missingValue(name, missing.paramLabel()));
    } catch (ParameterException e) {
      throw new UsageException(e.getMessage());
    }
    if (parsed.isUsageHelpRequested()) {
      throw new UsageException("");
    }
    return parsed;
  }

  /** How a command words picocli's usage errors. */
  public interface Errors {
    /** An argument that is no option of the command, or a positional it does not take. */
    String unmatched(String argument);

    /** {@code option} (e.g. {@code --out}) ended the command line without its {@code label}. */
    String missingValue(String option, String label);
  }
}

package dev.gilscope.bench;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * picocli's parser for the benchmark drivers' command lines, each described in code ({@link
 * CommandSpec}). Values stay text: each driver converts and checks them with its own messages. As
 * the drivers always parsed: a repeated option's last value wins (a {@link #repeated} one collects
 * them), no {@code @file} expansion, no abbreviations. The measured workloads do not use it: their
 * JVMs' start-up is part of what is measured, and picocli's classes would add to it.
 */
public final class CommandLines {
  private CommandLines() {}

  public static CommandSpec command(String name) {
    return CommandSpec.create().name(name);
  }

  /** {@code --name VALUE}. */
  public static OptionSpec valued(String name, String label) {
    return OptionSpec.builder(name).type(String.class).paramLabel(label).build();
  }

  /** {@code --name VALUE}, as often as wanted. */
  public static OptionSpec repeated(String name, String label) {
    return OptionSpec.builder(name)
        .type(List.class)
        .auxiliaryTypes(String.class)
        .paramLabel(label)
        .build();
  }

  /** {@code --name}, without a value. */
  public static OptionSpec flag(String name) {
    return OptionSpec.builder(name).type(boolean.class).build();
  }

  /** The positional parameter at {@code index}. */
  public static PositionalParamSpec positional(int index, String label, boolean required) {
    return PositionalParamSpec.builder()
        .index(Integer.toString(index))
        .type(String.class)
        .paramLabel(label)
        .arity(required ? "1" : "0..1")
        .required(required)
        .build();
  }

  /**
   * Parses {@code args} against {@code spec}.
   *
   * @throws IllegalArgumentException {@code unknown option '<arg>'}, {@code missing value for
   *     <option>}, {@code missing <parameter>}, or picocli's own message for anything else
   */
  public static ParseResult parse(CommandSpec spec, String... args) {
    CommandLine parser = new CommandLine(spec);
    parser.setOverwrittenOptionsAllowed(true);
    parser.setExpandAtFiles(false);
    try {
      return parser.parseArgs(args);
    } catch (CommandLine.UnmatchedArgumentException e) {
      List<String> unmatched = e.getUnmatched();
      throw new IllegalArgumentException(
          "unknown option '" + (unmatched.isEmpty() ? "" : unmatched.get(0)) + "'", e);
    } catch (CommandLine.MissingParameterException e) {
      ArgSpec missing = e.getMissing().get(0);
      throw new IllegalArgumentException(
          missing instanceof OptionSpec option
              ? "missing value for " + option.longestName()
              : "missing " + missing.paramLabel(),
          e);
    } catch (ParameterException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }
}

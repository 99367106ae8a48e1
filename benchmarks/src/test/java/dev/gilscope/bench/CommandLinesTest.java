package dev.gilscope.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

class CommandLinesTest {
  private static CommandSpec command() {
    CommandSpec command = CommandLines.command("test");
    command.addPositional(CommandLines.positional(0, "<out dir>", true));
    command.addPositional(CommandLines.positional(1, "[filter]", false));
    command.addOption(CommandLines.valued("--runs", "N"));
    command.addOption(CommandLines.repeated("--java", "PATH"));
    command.addOption(CommandLines.flag("--keep"));
    return command;
  }

  @Test
  void anOptionalPositionalMayBeLeftOut() {
    ParseResult parsed = CommandLines.parse(command(), "out");
    assertThat(parsed.<String>matchedPositionalValue(0, null)).isEqualTo("out");
    assertThat(parsed.<String>matchedPositionalValue(1, "")).isEmpty();
    assertThat(CommandLines.parse(command(), "out", "gil").<String>matchedPositionalValue(1, ""))
        .isEqualTo("gil");
  }

  @Test
  void theLastValueOfAnOptionWinsAndARepeatedOneCollectsThemAll() {
    ParseResult parsed =
        CommandLines.parse(
            command(), "--runs", "3", "out", "--runs=5", "--java", "a", "--java", "b", "--keep");
    assertThat(parsed.<String>matchedOptionValue("--runs", null)).isEqualTo("5");
    assertThat(parsed.<List<String>>matchedOptionValue("--java", List.of()))
        .containsExactly("a", "b");
    assertThat(parsed.hasMatchedOption("--keep")).isTrue();
  }

  @Test
  void badUsageIsOneMessage() {
    assertThatThrownBy(() -> CommandLines.parse(command(), "out", "--fast"))
        .hasMessage("unknown option '--fast'");
    assertThatThrownBy(() -> CommandLines.parse(command(), "out", "--runs"))
        .hasMessage("missing value for --runs");
    assertThatThrownBy(() -> CommandLines.parse(command())).hasMessage("missing <out dir>");
    assertThatThrownBy(() -> CommandLines.parse(command(), "@args.txt", "x", "y"))
        .hasMessage("unknown option 'y'");
  }
}

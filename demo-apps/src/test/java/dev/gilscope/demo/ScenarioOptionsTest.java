package dev.gilscope.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioOptionsTest {
  private static final List<OptionSpec> SPECS =
      List.of(
          OptionSpec.threads(2, "threads"),
          OptionSpec.seconds(3, 1, "seconds"),
          new OptionSpec("size", "N", "50000000", "20000000", "size"),
          OptionSpec.quick());

  @Test
  void defaultsApplyWithoutOptions() throws UsageException {
    ScenarioOptions options = ScenarioOptions.parse(List.of(), SPECS);
    assertThat(options.intValue("threads")).isEqualTo(2);
    assertThat(options.nanosOfSeconds("seconds")).isEqualTo(3_000_000_000L);
    assertThat(options.longValue("size")).isEqualTo(50_000_000L);
    assertThat(options.quick()).isFalse();
  }

  @Test
  void quickDefaultsApplyUnlessAValueIsGiven() throws UsageException {
    ScenarioOptions options = ScenarioOptions.parse(List.of("--quick", "--size", "1_000"), SPECS);
    assertThat(options.quick()).isTrue();
    assertThat(options.doubleValue("seconds")).isEqualTo(1.0);
    assertThat(options.longValue("size")).isEqualTo(1_000L);
  }

  @Test
  void acceptsKeyEqualsValue() throws UsageException {
    assertThat(ScenarioOptions.parse(List.of("--threads=4"), SPECS).intValue("threads"))
        .isEqualTo(4);
  }

  @Test
  void rejectsBadInput() {
    assertThatThrownBy(() -> ScenarioOptions.parse(List.of("--size"), SPECS))
        .hasMessage("option --size needs a value N");
    assertThatThrownBy(() -> ScenarioOptions.parse(List.of("--threads", "-1"), SPECS))
        .hasMessage("option --threads must not be negative: -1");
    assertThatThrownBy(() -> ScenarioOptions.parse(List.of("size"), SPECS))
        .hasMessage("unexpected argument 'size'");
    assertThatThrownBy(() -> ScenarioOptions.parse(List.of("--colour"), SPECS))
        .hasMessage("unknown option --colour (see --help)");
  }
}

package dev.gilscope.bench.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gilscope.bench.matrix.MatrixCase.Pattern;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MatrixCaseTest {
  private final List<MatrixCase> cases = MatrixCase.all();

  @Test
  void atLeastFortyCasesWithUniqueNames() {
    assertThat(cases).hasSizeGreaterThanOrEqualTo(40);
    Set<String> names = new HashSet<>();
    for (MatrixCase c : cases) {
      assertThat(names.add(c.name())).as(c.name()).isTrue();
      assertThat(MatrixCase.named(c.name())).isEqualTo(c);
    }
  }

  @Test
  void everyPatternHasCasesThatMustAndMustNotProduceIt() {
    for (Pattern p : Pattern.values()) {
      assertThat(cases).as("must %s", p).anyMatch(c -> c.must().contains(p));
      assertThat(cases).as("must not %s", p).anyMatch(c -> c.mustNot().contains(p));
    }
  }

  @Test
  void noCaseIsLabelledBothWays() {
    for (MatrixCase c : cases) {
      EnumSet<Pattern> both = EnumSet.noneOf(Pattern.class);
      both.addAll(c.must());
      both.retainAll(c.mustNot());
      assertThat(both).as(c.name()).isEmpty();
    }
  }

  @Test
  void negativeControlsIncludePerThreadLocksAndLightContention() {
    assertThat(cases)
        .filteredOn(c -> c.must().isEmpty() && c.mustNot().size() == Pattern.values().length)
        .extracting(MatrixCase::name)
        .anyMatch(n -> n.startsWith("perthread"))
        .anyMatch(n -> n.startsWith("light"))
        .anyMatch(n -> n.startsWith("iolight"));
  }
}

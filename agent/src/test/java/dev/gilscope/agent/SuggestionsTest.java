package dev.gilscope.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
  @Test
  void nothingSimilarGivesNoSuggestion() {
    assertThat(Suggestions.similar("com.example.Missing", List.of("java.lang.String", "a.B")))
        .isEmpty();
  }

  @Test
  void theSameSimpleNameInAnotherPackageComesFirst() {
    assertThat(
            Suggestions.similar(
                "com.acme.Interp",
                List.of("com.acme.Interq", "org.other.Interp", "java.lang.String")))
        .containsExactly("org.other.Interp", "com.acme.Interq");
  }

  @Test
  void typosWrongCaseAndNestedClassesAreFound() {
    assertThat(Suggestions.similar("com.acme.GilLop", List.of("com.acme.GilLoop")))
        .containsExactly("com.acme.GilLoop");
    assertThat(Suggestions.similar("com.acme.gilloop", List.of("com.acme.GilLoop")))
        .containsExactly("com.acme.GilLoop");
    assertThat(Suggestions.similar("com.acme.Outer.Inner", List.of("com.acme.Outer$Inner")))
        .containsExactly("com.acme.Outer$Inner");
  }

  @Test
  void atMostThreeSuggestions() {
    assertThat(
            Suggestions.similar(
                "a.b.Gil", List.of("x.Gil", "y.Gil", "z.Gil", "w.Gil", "a.b.Gil", "a.b.Gel")))
        .containsExactly("w.Gil", "x.Gil", "y.Gil");
  }

  @Test
  void distanceStopsAtItsLimit() {
    assertThat(Suggestions.distance("kitten", "sitting", 5)).isEqualTo(3);
    assertThat(Suggestions.distance("kitten", "sitting", 1)).isEqualTo(2);
  }
}

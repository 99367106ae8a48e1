package dev.gilscope.jmc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.RunnableFuture;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmc.common.util.IPreferenceValueProvider;
import org.openjdk.jmc.flightrecorder.JfrLoaderToolkit;
import org.openjdk.jmc.flightrecorder.rules.IResult;
import org.openjdk.jmc.flightrecorder.rules.IRule;
import org.openjdk.jmc.flightrecorder.rules.RuleRegistry;
import org.openjdk.jmc.flightrecorder.rules.Severity;
import org.openjdk.jmc.flightrecorder.rules.util.JfrRuleTopics;

/** The rules as JMC's registry finds them, and their scores. */
class GilscopeRulesTest {
  private static final List<String> IDS =
      List.of("GilscopeSerialization", "GilscopeThrashing", "GilscopeConvoy", "GilscopeStarvation");

  @Test
  void jmcsRegistryFindsTheFourRulesUnderLockInstances() {
    List<IRule> ours =
        RuleRegistry.getRules().stream().filter(r -> IDS.contains(r.getId())).toList();

    assertThat(ours).extracting(IRule::getId).containsExactlyInAnyOrderElementsOf(IDS);
    assertThat(ours).allMatch(r -> JfrRuleTopics.LOCK_INSTANCES.equals(r.getTopic()));
    assertThat(ours).allMatch(r -> r.getRequiredEvents().isEmpty());
  }

  @Test
  void severitiesMapToJmcsBands() {
    assertThat(Severity.get(FindingScore.of(dev.gilscope.analyzer.model.Severity.CRITICAL)))
        .isEqualTo(Severity.WARNING);
    assertThat(Severity.get(FindingScore.of(dev.gilscope.analyzer.model.Severity.WARNING)))
        .isEqualTo(Severity.WARNING);
    assertThat(Severity.get(FindingScore.of(dev.gilscope.analyzer.model.Severity.INFO)))
        .isEqualTo(Severity.INFO);
    assertThat(Severity.get(FindingScore.of(null))).isEqualTo(Severity.OK);
    assertThat(FindingScore.of(dev.gilscope.analyzer.model.Severity.CRITICAL))
        .isGreaterThan(FindingScore.of(dev.gilscope.analyzer.model.Severity.WARNING));
  }

  @Test
  void aRecordingWithoutLockEventsIsNotApplicable(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("plain.jfr");
    try (Recording r = new Recording()) {
      r.enable("jdk.JVMInformation");
      r.start();
      r.stop();
      r.dump(file);
    }
    var items = JfrLoaderToolkit.loadEvents(file.toFile());
    for (IRule rule : List.of(new SerializationRule(), new StarvationRule())) {
      RunnableFuture<IResult> evaluation =
          rule.createEvaluation(items, IPreferenceValueProvider.DEFAULT_VALUES, null);
      evaluation.run();
      IResult result = evaluation.get();

      assertThat(result.getSeverity()).isEqualTo(Severity.NA);
      assertThat(result.getSummary()).contains("no lock events");
    }
  }
}

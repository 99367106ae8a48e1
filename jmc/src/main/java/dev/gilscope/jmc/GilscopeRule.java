package dev.gilscope.jmc;

import dev.gilscope.analyzer.model.Finding;
import dev.gilscope.analyzer.model.FindingKind;
import dev.gilscope.analyzer.report.TextReport;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RunnableFuture;
import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.unit.UnitLookup;
import org.openjdk.jmc.common.util.IPreferenceValueProvider;
import org.openjdk.jmc.common.util.TypedPreference;
import org.openjdk.jmc.flightrecorder.rules.IResult;
import org.openjdk.jmc.flightrecorder.rules.IResultValueProvider;
import org.openjdk.jmc.flightrecorder.rules.IRule;
import org.openjdk.jmc.flightrecorder.rules.ResultBuilder;
import org.openjdk.jmc.flightrecorder.rules.Severity;
import org.openjdk.jmc.flightrecorder.rules.TypedResult;
import org.openjdk.jmc.flightrecorder.rules.util.JfrRuleTopics;
import org.openjdk.jmc.flightrecorder.rules.util.RulesToolkit.EventAvailability;

/**
 * A JMC rule for one GIL pathology: scores the recording by the most severe finding of its kind
 * that gilscope's detectors make on it ({@link GilscopeAnalysis}, shared by the four rules), and
 * says what the finding says: its summary, its evidence and who suffered, and its advice. Listed
 * under JMC's "Lock Instances" beside JMC's own "Java Blocking". Needs no particular event type:
 * gilscope's agent events give the full analysis, the JDK's lock events (jdk.JavaMonitorEnter,
 * jdk.ThreadPark, jdk.JavaMonitorWait) a partial one. Stateless; JMC may evaluate it on any thread.
 */
abstract class GilscopeRule implements IRule {
  /** The monitor of the most severe finding, for JMC's result views. */
  static final TypedResult<String> MONITOR =
      new TypedResult<>(
          "gilscopeMonitor",
          "Monitor",
          "The monitor (or lock) of the most severe finding",
          UnitLookup.PLAIN_TEXT,
          String.class);

  private static final Collection<TypedResult<?>> RESULTS = List.of(TypedResult.SCORE, MONITOR);

  private final FindingKind kind;
  private final String name;

  GilscopeRule(FindingKind kind, String name) {
    this.kind = kind;
    this.name = name;
  }

  @Override
  public String getId() {
    String k = kind.name();
    return "Gilscope" + k.charAt(0) + k.substring(1).toLowerCase(Locale.ROOT);
  }

  @Override
  public String getName() {
    return name;
  }

  @Override
  public String getTopic() {
    return JfrRuleTopics.LOCK_INSTANCES;
  }

  @Override
  public Map<String, EventAvailability> getRequiredEvents() {
    return Map.of();
  }

  @Override
  public Collection<TypedPreference<?>> getConfigurationAttributes() {
    return List.of();
  }

  @Override
  public Collection<TypedResult<?>> getResults() {
    return RESULTS;
  }

  @Override
  public RunnableFuture<IResult> createEvaluation(
      IItemCollection items,
      IPreferenceValueProvider preferences,
      IResultValueProvider dependencyResults) {
    return new FutureTask<>(() -> evaluate(GilscopeAnalysis.of(items), preferences));
  }

  IResult evaluate(GilscopeAnalysis analysis, IPreferenceValueProvider preferences) {
    ResultBuilder result = ResultBuilder.createFor(this, preferences);
    if (!analysis.lockEvents()) {
      return result
          .setSeverity(Severity.NA)
          .setSummary(
              "The recording has no lock events: neither the gilscope agent's nor the JDK's"
                  + " jdk.JavaMonitorEnter, jdk.JavaMonitorWait or jdk.ThreadPark.")
          .setSolution(
              "Record with the gilscope agent (-javaagent:gilscope-agent.jar) to see how"
                  + " threads share their locks.")
          .build();
    }
    List<Finding> findings = analysis.findings(kind);
    if (findings.isEmpty()) {
      List<String> notes = analysis.notes(kind);
      return result
          .setSeverity(Severity.OK)
          .addResult(TypedResult.SCORE, UnitLookup.NUMBER_UNITY.quantity(FindingScore.NONE))
          .setSummary(
              String.format(
                  Locale.ROOT,
                  "gilscope found no %s on the recording's %d monitors.",
                  kind,
                  analysis.monitors().size()))
          .setExplanation(notes.isEmpty() ? null : String.join(" ", notes))
          .build();
    }
    Finding worst = findings.get(0);
    double score = FindingScore.of(worst.severity());
    return result
        .setSeverity(Severity.get(score))
        .addResult(TypedResult.SCORE, UnitLookup.NUMBER_UNITY.quantity(score))
        .addResult(MONITOR, worst.monitor())
        .setSummary(summary(worst, findings.size()))
        .setExplanation(explanation(findings))
        .setSolution(worst.advice())
        .build();
  }

  private static String summary(Finding worst, int findings) {
    String more = findings > 1 ? " (and " + (findings - 1) + " more)" : "";
    return worst.severity()
        + " "
        + worst.kind()
        + " on "
        + worst.monitor()
        + more
        + ": "
        + worst.summary();
  }

  /** Each finding's window, victims, causes and evidence, as the text report shows them. */
  private static String explanation(List<Finding> findings) {
    StringBuilder b = new StringBuilder();
    for (Finding f : findings) {
      if (b.length() > 0) {
        b.append(' ');
      }
      b.append(
          String.format(
              Locale.ROOT,
              "%s %s on %s, %.1f s to %.1f s of the recording.",
              f.severity(),
              f.kind(),
              f.monitor(),
              f.windowStartNanos() / 1e9,
              f.windowEndNanos() / 1e9));
      if (!f.victims().isEmpty()) {
        b.append(" Victims: ").append(String.join(", ", f.victims())).append('.');
      }
      if (!f.causes().isEmpty()) {
        b.append(" Causes: ").append(String.join(", ", f.causes())).append('.');
      }
      b.append(" Evidence: ").append(TextReport.evidence(f.evidence())).append('.');
    }
    return b.toString();
  }
}

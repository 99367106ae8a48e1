package dev.gilscope.analyzer.detect;

import dev.gilscope.analyzer.model.Finding;
import dev.gilscope.analyzer.model.MonitorStats;
import dev.gilscope.analyzer.model.RecordingInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The explicit list of detectors, and running them all: every detector on every monitor, each in
 * isolation, so one that fails becomes a note and the others still run. Called once on the CLI
 * thread; costs a few passes over each monitor's windows.
 */
public final class Detectors {
  private Detectors() {}

  public static List<Detector> all() {
    return List.of(
        new SerializationDetector(),
        new ThrashingDetector(),
        new ConvoyDetector(),
        new StarvationDetector());
  }

  /** Findings, most severe first, plus notes on detectors that could not run. */
  public record Diagnosis(List<Finding> findings, List<String> notes) {}

  public static Diagnosis diagnose(
      List<Detector> detectors, List<MonitorStats> monitors, RecordingInfo recording) {
    List<Finding> findings = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (MonitorStats m : monitors) {
      for (Detector d : detectors) {
        try {
          Evaluation e = d.evaluate(m, recording);
          if (!e.isApplicable()) {
            if (m.threads().size() >= 2) {
              notes.add(d.id() + " not applicable to " + m.name() + ": " + e.notApplicableReason());
            }
          } else {
            findings.addAll(e.findings());
          }
        } catch (RuntimeException failure) {
          notes.add(d.id() + " failed on " + m.name() + ": " + failure);
        }
      }
    }
    findings.sort(
        Comparator.comparing(Finding::severity)
            .reversed()
            .thenComparing(Finding::kind)
            .thenComparing(Finding::monitor));
    return new Diagnosis(findings, notes);
  }
}

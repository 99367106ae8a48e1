package dev.gilscope.analyzer.detect;

import dev.gilscope.analyzer.model.Finding;
import dev.gilscope.analyzer.model.MonitorStats;
import dev.gilscope.analyzer.model.RecordingInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The explicit list of detectors, and running them all: every detector on every monitor, each in
 * isolation, so one that fails becomes a note and the others still run. Called once on the CLI
 * thread; costs a few passes over each monitor's windows, monitors on all cores when there are
 * many.
 */
public final class Detectors {
  /**
   * From this many monitors on, they are diagnosed on all cores; below, a second thread costs more
   * than it saves.
   */
  static final int PARALLEL_MIN_MONITORS = 64;

  /**
   * From this many threads on a monitor, its detectors run side by side, on all cores (the model
   * makes what it makes on first use under a lock for them); below, they run one after the other.
   */
  static final int PARALLEL_MIN_THREADS = 2_000;

  /** The order of a diagnosis' findings: most severe first, then by kind, then by monitor. */
  static final Comparator<Finding> MOST_SEVERE_FIRST =
      Comparator.comparing(Finding::severity)
          .reversed()
          .thenComparing(Finding::kind)
          .thenComparing(Finding::monitor);

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
    // monitors in parallel (10,000 instances of a tracked class): each monitor, with its threads'
    // statistics, is read by one thread only, as the model requires; the detectors are stateless
    Stream<MonitorStats> each =
        monitors.size() >= PARALLEL_MIN_MONITORS ? monitors.parallelStream() : monitors.stream();
    List<Diagnosis> perMonitor = each.map(m -> diagnose(detectors, m, recording)).toList();
    List<Finding> findings = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (Diagnosis d : perMonitor) {
      findings.addAll(d.findings());
      notes.addAll(d.notes());
    }
    findings.sort(MOST_SEVERE_FIRST);
    return new Diagnosis(findings, notes);
  }

  /**
   * One monitor's findings (unsorted) and notes, in the order of {@code detectors}; the detectors
   * side by side on a monitor with many threads, each a few passes over all of them.
   */
  private static Diagnosis diagnose(
      List<Detector> detectors, MonitorStats m, RecordingInfo recording) {
    List<Diagnosis> perDetector;
    if (m.threadCount() >= PARALLEL_MIN_THREADS) {
      m.threads(); // sorted once, before they all ask for it
      perDetector = detectors.parallelStream().map(d -> evaluate(d, m, recording)).toList();
    } else {
      // a plain loop: a stream per monitor was a tenth of the detectors' time on 10,000 monitors
      perDetector = new ArrayList<>(detectors.size());
      for (Detector d : detectors) {
        perDetector.add(evaluate(d, m, recording));
      }
    }
    List<Finding> findings = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (Diagnosis d : perDetector) {
      findings.addAll(d.findings());
      notes.addAll(d.notes());
    }
    return new Diagnosis(findings, notes);
  }

  private static Diagnosis evaluate(Detector d, MonitorStats m, RecordingInfo recording) {
    try {
      Evaluation e = d.evaluate(m, recording);
      if (e.isApplicable()) {
        return new Diagnosis(e.findings(), List.of());
      }
      return new Diagnosis(
          List.of(),
          m.threads().size() >= 2
              ? List.of(d.id() + " not applicable to " + m.name() + ": " + e.notApplicableReason())
              : List.of());
    } catch (RuntimeException failure) {
      return new Diagnosis(List.of(), List.of(d.id() + " failed on " + m.name() + ": " + failure));
    }
  }
}

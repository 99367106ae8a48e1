package dev.gilscope.analyzer.detect;

import dev.gilscope.analyzer.model.Finding;
import dev.gilscope.analyzer.model.FindingKind;
import dev.gilscope.analyzer.model.MonitorStats;
import dev.gilscope.analyzer.model.RecordingInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
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
      perDetector = sideBySide(detectors, m, recording);
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

  /**
   * The kinds in the order their detectors are started on a monitor with many threads, the one that
   * takes longest first. On 100,000 virtual threads (CPU, async-profiler, 4 runs): STARVATION 161
   * ms, THRASHING 86, CONVOY 60, SERIALIZATION 47 when this order was chosen; 78, 50, 40 and 11
   * since the threads' columns. A parallel stream over the list split it into halves, SERIALIZATION
   * + THRASHING on one core and CONVOY + STARVATION on the other (133 against 221 ms then); taken
   * longest first, the two cores end within a detector of each other.
   */
  static final List<FindingKind> LONGEST_FIRST =
      List.of(
          FindingKind.STARVATION,
          FindingKind.THRASHING,
          FindingKind.CONVOY,
          FindingKind.SERIALIZATION);

  /**
   * Each detector's diagnosis of {@code m}, in the order of {@code detectors}, made on this thread
   * and the common pool's: each takes the next detector not yet started, in {@link #LONGEST_FIRST}
   * order, until none is left.
   */
  private static List<Diagnosis> sideBySide(
      List<Detector> detectors, MonitorStats m, RecordingInfo recording) {
    int n = detectors.size();
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingInt(i -> startRank(detectors.get(i))));
    Diagnosis[] results = new Diagnosis[n];
    AtomicInteger next = new AtomicInteger();
    Runnable takeTurns =
        () -> {
          for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
            int d = order[i];
            results[d] = evaluate(detectors.get(d), m, recording);
          }
        };
    int helpers = Math.min(n - 1, ForkJoinPool.getCommonPoolParallelism());
    List<ForkJoinTask<?>> helping = new ArrayList<>(helpers);
    for (int h = 0; h < helpers; h++) {
      helping.add(ForkJoinTask.adapt(takeTurns).fork());
    }
    takeTurns.run();
    // a helper not yet started runs here and finds nothing left; a started one is waited for
    helping.forEach(ForkJoinTask::join);
    return Arrays.asList(results);
  }

  private static int startRank(Detector d) {
    int rank = LONGEST_FIRST.indexOf(d.kind());
    return rank < 0 ? LONGEST_FIRST.size() : rank;
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

package dev.gilscope.analyzer.report;

import dev.gilscope.analyzer.detect.Text;
import dev.gilscope.analyzer.model.Finding;
import dev.gilscope.analyzer.model.FindingKind;
import dev.gilscope.analyzer.model.Metric;
import dev.gilscope.analyzer.model.MonitorStats;
import dev.gilscope.analyzer.model.Severity;
import dev.gilscope.analyzer.model.ThreadStats;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How much of a large recording the reports list row by row. A service on virtual threads has
 * 100,000 of them on one monitor; a report of 100,000 rows (or 100,000 one-per-victim findings)
 * helps nobody and costs minutes. So each monitor lists its {@link #TOP_THREADS} busiest threads
 * and summarises the rest (a count and a histogram of their shares of the acquisitions), each
 * (kind, monitor) pair lists its {@link #TOP_FINDINGS} first findings and counts the rest, and a
 * finding names at most {@link #TOP_THREADS} threads per list. JSON lists everything with {@code
 * --all-threads}. The recordings of the demos and tests are far below these bounds, so their
 * reports are as before.
 */
public final class ReportLimits {
  /** Threads listed per monitor, and names listed per finding. */
  public static final int TOP_THREADS = 20;

  /** Findings listed per kind and monitor (the per-victim detectors make one per thread). */
  public static final int TOP_FINDINGS = 10;

  /** Upper bounds (exclusive) of the share buckets of {@link OtherThreads#shareHistogram}. */
  private static final double[] SHARE_BOUNDS = {0.0001, 0.001, 0.01, 0.1};

  private static final String[] SHARE_LABELS = {"<0.01%", "0.01-0.1%", "0.1-1%", "1-10%", ">=10%"};

  private ReportLimits() {}

  /** The threads listed for {@code m}: the busiest first ({@link MonitorStats#threads()}). */
  public static List<ThreadStats> topThreads(MonitorStats m) {
    List<ThreadStats> all = m.threads();
    return all.size() <= TOP_THREADS ? all : all.subList(0, TOP_THREADS);
  }

  /** The threads of {@code m} beyond {@link #topThreads}, summarised; null when there are none. */
  public static OtherThreads otherThreads(MonitorStats m) {
    List<ThreadStats> all = m.threads();
    if (all.size() <= TOP_THREADS) {
      return null;
    }
    long total = m.totals().get(Metric.ACQUISITIONS);
    long[] histogram = new long[SHARE_LABELS.length];
    long[] sums = new long[2]; // acquisitions, wait
    // every thread from the keys of its sort, then the listed ones taken out again: integer sums,
    // as a pass over the rest in sorted order gives them, without a cache miss per thread
    m.forEachThreadTotals(
        (a, wait) -> {
          sums[0] += a;
          sums[1] += wait;
          histogram[shareBucket(a, total)]++;
        });
    long acquisitions = sums[0];
    long waitNanos = sums[1];
    for (ThreadStats t : all.subList(0, TOP_THREADS)) {
      long a = t.totals().get(Metric.ACQUISITIONS);
      acquisitions -= a;
      waitNanos -= t.totals().get(Metric.WAIT_NANOS);
      histogram[shareBucket(a, total)]--;
    }
    Map<String, Long> shares = new LinkedHashMap<>();
    for (int i = 0; i < histogram.length; i++) {
      shares.put(SHARE_LABELS[i], histogram[i]);
    }
    return new OtherThreads(
        all.size() - TOP_THREADS,
        m.hasExactCounts() ? acquisitions : null,
        waitNanos,
        m.hasExactCounts() ? shares : null);
  }

  private static int shareBucket(long acquisitions, long total) {
    double share = total == 0 ? 0 : (double) acquisitions / total;
    int bucket = 0;
    while (bucket < SHARE_BOUNDS.length && share >= SHARE_BOUNDS[bucket]) {
      bucket++;
    }
    return bucket;
  }

  /**
   * The threads a monitor's report does not list one by one.
   *
   * @param acquisitions null where the monitor has no exact counts
   * @param shareHistogram threads per bucket of their share of the monitor's acquisitions (labels
   *     such as {@code "0.1-1%"}); null where the monitor has no exact counts
   */
  public record OtherThreads(
      int count, Long acquisitions, long waitNanos, Map<String, Long> shareHistogram) {}

  /** At most {@link #TOP_THREADS} of {@code names}. */
  public static List<String> topNames(List<String> names) {
    return names.size() <= TOP_THREADS ? names : names.subList(0, TOP_THREADS);
  }

  /** The findings listed and the ones counted only, in the order given. */
  public static FindingSelection selectFindings(List<Finding> findings, boolean all) {
    if (all) {
      return new FindingSelection(findings, List.of());
    }
    Map<String, Integer> listed = new LinkedHashMap<>();
    Map<String, Omitted> omitted = new LinkedHashMap<>();
    List<Finding> shown = new ArrayList<>();
    for (Finding f : findings) {
      String key = f.kind() + "\u0000" + f.monitor();
      if (listed.merge(key, 1, Integer::sum) <= TOP_FINDINGS) {
        shown.add(f);
      } else {
        omitted
            .computeIfAbsent(
                key, k -> new Omitted(f.kind(), f.monitor(), new EnumMap<>(Severity.class)))
            .bySeverity()
            .merge(f.severity(), 1, Integer::sum);
      }
    }
    return new FindingSelection(
        shown.size() == findings.size() ? findings : shown, new ArrayList<>(omitted.values()));
  }

  /** The findings a report lists, and per (kind, monitor) the ones it only counts. */
  public record FindingSelection(List<Finding> listed, List<Omitted> omitted) {}

  /** The findings of one kind on one monitor that a report counts without listing them. */
  public record Omitted(FindingKind kind, String monitor, Map<Severity, Integer> bySeverity) {
    public int count() {
      int n = 0;
      for (int c : bySeverity.values()) {
        n += c;
      }
      return n;
    }

    /** {@code "4,326 CRITICAL, 895 INFO"}, most severe first. */
    public String severities() {
      List<String> parts = new ArrayList<>();
      Severity[] all = Severity.values();
      for (int i = all.length - 1; i >= 0; i--) {
        Integer c = bySeverity.get(all[i]);
        if (c != null) {
          parts.add(Text.count(c) + " " + all[i]);
        }
      }
      return String.join(", ", parts);
    }
  }
}

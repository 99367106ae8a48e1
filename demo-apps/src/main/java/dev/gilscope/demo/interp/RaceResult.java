package dev.gilscope.demo.interp;

import java.util.List;

/**
 * The outcome of one {@link Race}: wall time and per-worker counters, with the derived rates the
 * tables print.
 */
public record RaceResult(long wallNanos, List<WorkerStats> workers) {

  public long instructions() {
    return workers.stream().mapToLong(WorkerStats::instructions).sum();
  }

  public long acquisitions() {
    return workers.stream().mapToLong(WorkerStats::acquisitions).sum();
  }

  /** Acquisitions that changed the owner, not counting each worker's first one. */
  public long handoffs() {
    long handoffs = 0;
    for (WorkerStats worker : workers) {
      handoffs += Math.max(0, worker.handoffsIn() - 1);
    }
    return handoffs;
  }

  /** Millions of instructions per second, all workers together. */
  public double megaInstructionsPerSecond() {
    return instructions() / (wallNanos / 1e3);
  }

  /** GIL releases per second (every acquisition ends in a release). */
  public double releasesPerSecond() {
    return acquisitions() / (wallNanos / 1e9);
  }

  /** Handoffs per release: how often a release let a waiting thread in (1 = always). */
  public double handoffRatio() {
    long releases = acquisitions() - workers.size();
    return releases <= 0 ? 0 : Math.min(1.0, (double) handoffs() / releases);
  }

  public double shareOfInstructions(WorkerStats worker) {
    long total = instructions();
    return total == 0 ? 0 : (double) worker.instructions() / total;
  }

  public double lowestShare() {
    return workers.stream().mapToDouble(this::shareOfInstructions).min().orElse(0);
  }

  public long longestGapNanos() {
    return workers.stream().mapToLong(WorkerStats::maxGapNanos).max().orElse(0);
  }
}

package dev.gilscope.analyzer.live;

import dev.gilscope.analyzer.detect.Detectors;
import dev.gilscope.analyzer.model.AnalysisResult;
import dev.gilscope.analyzer.read.LiveAccumulator;
import dev.gilscope.analyzer.read.RecordingReader;
import jdk.jfr.consumer.RecordedEvent;

/**
 * The analysis over a sliding window of the streamed events: two accumulators, each restarted every
 * {@link #WINDOW_NANOS} and half a window apart, so the older one always holds between half a
 * window and a whole one of the most recent events (all of them in the first half window). Each
 * snapshot runs the same detectors as {@code analyze} on it. The stream's thread feeds it, the
 * watch's main thread takes snapshots: one lock.
 */
final class LiveAnalysis {
  static final long WINDOW_NANOS = 10_000_000_000L;
  static final long STATISTICS_WINDOW_NANOS = RecordingReader.DEFAULT_WINDOW_NANOS;

  private final String source;
  private final long startEpochNanos;
  private LiveAccumulator older;
  private LiveAccumulator younger;

  LiveAnalysis(String source, long startEpochNanos) {
    this.source = source;
    this.startEpochNanos = startEpochNanos;
    this.older = new LiveAccumulator(startEpochNanos, STATISTICS_WINDOW_NANOS);
  }

  synchronized void accept(RecordedEvent e) {
    older.accept(e);
    if (younger != null) {
      younger.accept(e);
    }
  }

  /** The analysis of the current window, as of {@code nowEpochNanos}. */
  synchronized AnalysisResult snapshot(long nowEpochNanos) {
    roll(nowEpochNanos);
    RecordingReader.ReadResult read = older.snapshot(source, nowEpochNanos);
    Detectors.Diagnosis d = Detectors.diagnose(Detectors.all(), read.monitors(), read.recording());
    return new AnalysisResult(read.recording(), read.monitors(), d.findings(), d.notes());
  }

  /** Starts the younger accumulator at half a window, and retires the older one at a whole one. */
  private void roll(long now) {
    if (younger == null && now - older.originEpochNanos() >= WINDOW_NANOS / 2) {
      younger = new LiveAccumulator(now, STATISTICS_WINDOW_NANOS);
    }
    if (younger != null && now - older.originEpochNanos() >= WINDOW_NANOS) {
      older = younger;
      younger = null;
    }
  }

  long startEpochNanos() {
    return startEpochNanos;
  }
}

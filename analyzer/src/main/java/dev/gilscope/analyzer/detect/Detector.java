package dev.gilscope.analyzer.detect;

import dev.gilscope.analyzer.model.FindingKind;
import dev.gilscope.analyzer.model.MonitorStats;
import dev.gilscope.analyzer.model.RecordingInfo;

/**
 * One GIL pathology of docs/patterns.md, diagnosed on one monitor at a time. Implementations are
 * stateless (one instance evaluates any number of monitors and recordings), keep their thresholds
 * as named constants beside them, and answer {@link Evaluation#notApplicable} rather than throw
 * when the monitor's event source lacks what they need. Called on the CLI thread after reading.
 */
public interface Detector {
  /** Stable identifier, the finding kind's name. */
  default String id() {
    return kind().name();
  }

  FindingKind kind();

  Evaluation evaluate(MonitorStats monitor, RecordingInfo recording);
}

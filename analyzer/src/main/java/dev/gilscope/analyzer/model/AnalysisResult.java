package dev.gilscope.analyzer.model;

import java.util.List;

/**
 * The one result every report format renders: the recording, the monitors and the findings (most
 * severe first), plus notes from detectors that could not run.
 */
public record AnalysisResult(
    RecordingInfo recording,
    List<MonitorStats> monitors,
    List<Finding> findings,
    List<String> detectorNotes) {

  public boolean hasFinding(FindingKind kind, Severity atLeast) {
    return findings.stream().anyMatch(f -> f.kind() == kind && f.severity().atLeast(atLeast));
  }
}

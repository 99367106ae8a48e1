package dev.gilscope.analyzer.model;

import java.util.List;
import java.util.Map;

/**
 * One diagnosed pathology on one monitor: who suffered (victims), who caused it, when (window
 * offsets from the recording start), the numbers that prove it, and what to do.
 *
 * @param evidence named numbers, in the order the detector wants them shown; units in the names
 */
public record Finding(
    FindingKind kind,
    String monitor,
    Severity severity,
    List<String> threads,
    List<String> victims,
    List<String> causes,
    long windowStartNanos,
    long windowEndNanos,
    Map<String, Number> evidence,
    String summary,
    String advice) {}

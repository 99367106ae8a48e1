package dev.gilscope.analyzer.model;

/** The GIL pathologies of docs/patterns.md. */
public enum FindingKind {
  SERIALIZATION,
  THRASHING,
  CONVOY,
  STARVATION
}

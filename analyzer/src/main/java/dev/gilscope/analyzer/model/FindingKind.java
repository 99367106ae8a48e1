package dev.gilscope.analyzer.model;

/** The GIL pathologies of gil-patterns.md. */
public enum FindingKind {
  SERIALIZATION,
  THRASHING,
  CONVOY,
  STARVATION
}

package dev.gilscope.analyzer.model;

/** How bad a finding is; ordered, so {@code compareTo} ranks them. */
public enum Severity {
  INFO,
  WARNING,
  CRITICAL;

  public boolean atLeast(Severity other) {
    return compareTo(other) >= 0;
  }

  /** The more severe of two, either of which may be null (below INFO). */
  public static Severity worse(Severity a, Severity b) {
    if (a == null) {
      return b;
    }
    return b == null || a.atLeast(b) ? a : b;
  }
}

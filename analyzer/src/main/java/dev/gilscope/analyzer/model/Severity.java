package dev.gilscope.analyzer.model;

/** How bad a finding is; ordered, so {@code compareTo} ranks them. */
public enum Severity {
  INFO,
  WARNING,
  CRITICAL;

  public boolean atLeast(Severity other) {
    return compareTo(other) >= 0;
  }
}

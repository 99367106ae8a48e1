package dev.gilscope.bench.workload;

/**
 * The type of the workload's global interpreter lock. A class of its own (rather than a plain
 * {@code Object}) so that recordings of the JDK's {@code jdk.JavaMonitorEnter} event, which name
 * only the monitor's class, can be filtered down to this lock.
 */
public final class InterpreterLock {
  private final String name;

  InterpreterLock(String name) {
    this.name = name;
  }

  @Override
  public String toString() {
    return name;
  }
}

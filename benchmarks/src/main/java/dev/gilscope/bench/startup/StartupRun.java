package dev.gilscope.bench.startup;

/**
 * One child JVM's start-up: wall and CPU time in nanoseconds, or why it failed.
 *
 * @param problem null when the run succeeded
 */
record StartupRun(long wallNanos, long cpuNanos, String problem) {
  static StartupRun failed(String problem) {
    return new StartupRun(-1, -1, problem);
  }

  boolean succeeded() {
    return problem == null;
  }
}

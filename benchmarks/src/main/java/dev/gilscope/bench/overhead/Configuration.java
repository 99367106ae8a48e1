package dev.gilscope.bench.overhead;

import dev.gilscope.bench.workload.GilInterpreterWorkload;
import java.nio.file.Path;
import java.util.List;

/**
 * One way of running the workload JVM: without any tool, under gilscope at each detail level, under
 * the JDK's own {@code jdk.JavaMonitorEnter} event at threshold 0, under async-profiler's lock
 * mode, or under gilscope tracking a monitor the workload never takes.
 */
enum Configuration {
  NO_AGENT("none", "no agent", Recorder.NONE),
  GILSCOPE_DEFAULT("gilscope-default", "gilscope default mode, file=", Recorder.GILSCOPE),
  GILSCOPE_ALL("gilscope-all", "gilscope detail=all, file=", Recorder.GILSCOPE),
  GILSCOPE_HOLDS("gilscope-holds", "gilscope detail=holds, file=", Recorder.GILSCOPE),
  JFR_DEFAULT(
      "jfr-default",
      "no agent, JFR default.jfc (what any recording costs)",
      Recorder.JDK_MONITOR_ENTER),
  JFR_MONITOR_ENTER(
      "jfr-monitorenter-0ms",
      "no agent, JFR default.jfc + JavaMonitorEnter#threshold=0ms",
      Recorder.JDK_MONITOR_ENTER),
  ASYNC_PROFILER_LOCK(
      "async-profiler-lock",
      "async-profiler event=lock (default lock=10us)",
      Recorder.JDK_MONITOR_ENTER),
  ASYNC_PROFILER_LOCK_EVERY(
      "async-profiler-lock-0",
      "async-profiler event=lock,lock=0 (every contended enter)",
      Recorder.JDK_MONITOR_ENTER),
  GILSCOPE_UNTRACKED(
      "gilscope-untracked",
      "gilscope default mode tracking another monitor, file=",
      Recorder.GILSCOPE);

  /** What, if anything, records the workload's acquisitions, and so how to count them. */
  enum Recorder {
    NONE,
    GILSCOPE,
    JDK_MONITOR_ENTER
  }

  static final String TRACKED_MONITOR = GilInterpreterWorkload.class.getName() + "#GIL";
  static final String UNTRACKED_MONITOR = GilInterpreterWorkload.class.getName() + "#UNUSED_LOCK";

  final String id;
  final String description;
  final Recorder recorder;

  Configuration(String id, String description, Recorder recorder) {
    this.id = id;
    this.description = description;
    this.recorder = recorder;
  }

  boolean needsAgent() {
    return this == GILSCOPE_DEFAULT
        || this == GILSCOPE_ALL
        || this == GILSCOPE_HOLDS
        || this == GILSCOPE_UNTRACKED;
  }

  boolean needsAsyncProfiler() {
    return this == ASYNC_PROFILER_LOCK || this == ASYNC_PROFILER_LOCK_EVERY;
  }

  /** The JVM options that set this configuration up, writing any recording to {@code recording}. */
  List<String> jvmArgs(Path agentJar, Path asyncProfilerLibrary, Path recording) {
    return switch (this) {
      case NO_AGENT -> List.of();
      case GILSCOPE_DEFAULT ->
          List.of(javaAgent(agentJar, "monitor=" + TRACKED_MONITOR + ",file=" + recording));
      case GILSCOPE_ALL ->
          List.of(
              javaAgent(agentJar, "monitor=" + TRACKED_MONITOR + ",detail=all,file=" + recording));
      case GILSCOPE_HOLDS ->
          List.of(
              javaAgent(
                  agentJar, "monitor=" + TRACKED_MONITOR + ",detail=holds,file=" + recording));
      case GILSCOPE_UNTRACKED ->
          List.of(javaAgent(agentJar, "monitor=" + UNTRACKED_MONITOR + ",file=" + recording));
      case JFR_DEFAULT ->
          List.of(
              "-XX:StartFlightRecording=settings=default,filename=" + recording,
              "-Xlog:jfr+startup=warning");
      case JFR_MONITOR_ENTER ->
          List.of(
              "-XX:StartFlightRecording=settings=default,jdk.JavaMonitorEnter#threshold=0ms,"
                  + "filename="
                  + recording,
              "-Xlog:jfr+startup=warning");
      case ASYNC_PROFILER_LOCK ->
          List.of(asyncProfiler(asyncProfilerLibrary, "start,event=lock,jfr,file=" + recording));
      case ASYNC_PROFILER_LOCK_EVERY ->
          List.of(
              asyncProfiler(asyncProfilerLibrary, "start,event=lock,lock=0,jfr,file=" + recording));
    };
  }

  static Configuration byId(String id) {
    for (Configuration configuration : values()) {
      if (configuration.id.equals(id)) {
        return configuration;
      }
    }
    throw new IllegalArgumentException(
        "unknown configuration '" + id + "', expected one of " + ids());
  }

  static String ids() {
    StringBuilder ids = new StringBuilder();
    for (Configuration configuration : values()) {
      ids.append(ids.length() == 0 ? "" : ", ").append(configuration.id);
    }
    return ids.toString();
  }

  private static String javaAgent(Path agentJar, String options) {
    return "-javaagent:" + agentJar + "=" + options;
  }

  private static String asyncProfiler(Path library, String options) {
    return "-agentpath:" + library + "=" + options;
  }
}

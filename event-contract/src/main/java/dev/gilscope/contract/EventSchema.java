package dev.gilscope.contract;

import static dev.gilscope.contract.GilscopeFields.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every gilscope event type with its fields and their units: what the agent writes and what a
 * reader may expect (docs/events.md says what each field means). JFR's implicit fields ({@code
 * startTime}, {@code duration}, {@code eventThread}, {@code stackTrace}) are not listed. For tests
 * and tools; the agent and the analyzer use the constants of {@link GilscopeEvents} and {@link
 * GilscopeFields}, which need no class of this module at run time.
 */
public enum EventSchema {
  MONITOR_ACQUIRE(
      GilscopeEvents.MONITOR_ACQUIRE,
      // the per-acquisition events carry only the monitor's id and name: each field costs the
      // writer time on the hot path, and the statistics events carry the class and kind
      field(MONITOR_ID, Unit.COUNT),
      field(MONITOR_NAME, Unit.STRING),
      field(SEQUENCE, Unit.COUNT),
      field(CONTENDED, Unit.FLAG),
      field(PREVIOUS_OWNER, Unit.THREAD),
      field(LAST_RELEASER, Unit.THREAD),
      field(PREVIOUS_OWNER_NAME, Unit.STRING),
      field(LAST_RELEASER_NAME, Unit.STRING),
      field(WAITERS_AT_REQUEST, Unit.INT_COUNT),
      field(TRY_LOCK, Unit.FLAG)),
  MONITOR_TRY_LOCK_FAILED(
      GilscopeEvents.MONITOR_TRY_LOCK_FAILED,
      withMonitor(
          field(PREVIOUS_OWNER, Unit.THREAD),
          field(PREVIOUS_OWNER_NAME, Unit.STRING),
          field(WAITERS_AT_REQUEST, Unit.INT_COUNT),
          field(TIMEOUT, Unit.NANOSECONDS))),
  MONITOR_HOLD(
      GilscopeEvents.MONITOR_HOLD,
      field(MONITOR_ID, Unit.COUNT),
      field(MONITOR_NAME, Unit.STRING),
      field(SEQUENCE, Unit.COUNT),
      field(WAITERS_AT_RELEASE, Unit.INT_COUNT),
      field(ENDED_BY_WAIT, Unit.FLAG)),
  MONITOR_WAIT(
      GilscopeEvents.MONITOR_WAIT,
      withMonitor(
          field(TIMEOUT, Unit.NANOSECONDS),
          field(TIMED_OUT, Unit.FLAG),
          field(NOTIFIER, Unit.THREAD),
          field(NOTIFIER_NAME, Unit.STRING))),
  MONITOR_NOTIFY(
      GilscopeEvents.MONITOR_NOTIFY,
      withMonitor(field(ALL, Unit.FLAG), field(WAITERS, Unit.INT_COUNT))),
  MONITOR_STATISTICS(
      GilscopeEvents.MONITOR_STATISTICS,
      withMonitor(
          field(TRACKED_SINCE, Unit.EPOCH_MILLIS),
          field(PERIOD_START, Unit.EPOCH_MILLIS),
          field(ACQUISITIONS, Unit.COUNT),
          field(CONTENDED_ACQUISITIONS, Unit.COUNT),
          field(HANDOFFS, Unit.COUNT),
          field(BARGING, Unit.COUNT),
          field(PASS_OVERS, Unit.COUNT),
          field(REENTRANT_ENTRIES, Unit.COUNT),
          field(WAITS, Unit.COUNT),
          field(TIMED_OUT_WAITS, Unit.COUNT),
          field(NOTIFIES, Unit.COUNT),
          field(FAILED_TRY_LOCKS, Unit.COUNT),
          field(TIMED_HOLDS, Unit.COUNT),
          field(TOTAL_HOLD, Unit.NANOSECONDS),
          field(SAMPLED_HOLDS, Unit.COUNT),
          field(SAMPLED_HOLD, Unit.NANOSECONDS),
          field(MAX_HOLD, Unit.NANOSECONDS),
          field(TIMED_WAITS, Unit.COUNT),
          field(TOTAL_WAIT, Unit.NANOSECONDS),
          field(MAX_WAIT, Unit.NANOSECONDS),
          field(MAX_QUEUE_LENGTH, Unit.INT_COUNT),
          field(TIMED_GAPS, Unit.COUNT),
          field(TOTAL_GAP, Unit.NANOSECONDS),
          field(SAMPLED_GAPS, Unit.COUNT),
          field(SAMPLED_GAP, Unit.NANOSECONDS),
          field(TIMED_ENTRIES, Unit.COUNT),
          field(TOTAL_ENTRY, Unit.NANOSECONDS),
          field(SAMPLED_LONG_HOLDS, Unit.COUNT),
          field(SAMPLED_LONG_HOLD, Unit.NANOSECONDS),
          field(SAMPLED_LONG_GAPS, Unit.COUNT),
          field(SAMPLED_LONG_GAP, Unit.NANOSECONDS),
          field(LONG_ENTRIES, Unit.COUNT),
          field(LONG_ENTRY, Unit.NANOSECONDS))),
  THREAD_MONITOR_STATISTICS(
      GilscopeEvents.THREAD_MONITOR_STATISTICS,
      withMonitor(
          field(PERIOD_START, Unit.EPOCH_MILLIS),
          field(THREAD, Unit.THREAD),
          field(THREAD_NAME, Unit.STRING),
          field(JAVA_THREAD_ID, Unit.COUNT),
          field(REQUESTS, Unit.COUNT),
          field(ACQUISITIONS, Unit.COUNT),
          field(CONTENDED_ACQUISITIONS, Unit.COUNT),
          field(PASS_OVERS, Unit.COUNT),
          field(TIMED_HOLDS, Unit.COUNT),
          field(TOTAL_HOLD, Unit.NANOSECONDS),
          field(MAX_HOLD, Unit.NANOSECONDS),
          field(TOTAL_WAIT, Unit.NANOSECONDS),
          field(MAX_WAIT, Unit.NANOSECONDS),
          field(WAITS, Unit.COUNT),
          field(TOTAL_WAIT_IN_WAIT, Unit.NANOSECONDS))),
  AGENT_STATUS(
      GilscopeEvents.AGENT_STATUS,
      field(DETAIL, Unit.STRING),
      field(TRACKED_MONITORS, Unit.INT_COUNT),
      field(INSTRUMENTED_CLASSES, Unit.INT_COUNT),
      field(SKIPPED_CLASSES, Unit.INT_COUNT),
      field(SUPPRESSED_ERRORS, Unit.COUNT),
      field(AGENT_VERSION, Unit.STRING),
      field(OPTIONS, Unit.STRING),
      field(TARGETS, Unit.STRING),
      field(HOLD_CLOCK, Unit.STRING));

  /** One field of an event type: its name and what its value is. */
  public record Field(String name, Unit unit) {}

  private final String typeName;
  private final Map<String, Field> fields;

  EventSchema(String typeName, Field... fields) {
    this.typeName = typeName;
    Map<String, Field> byName = new LinkedHashMap<>();
    for (Field f : fields) {
      if (byName.put(f.name(), f) != null) {
        throw new IllegalStateException(typeName + " declares " + f.name() + " twice");
      }
    }
    this.fields = Collections.unmodifiableMap(byName);
  }

  /** The JFR event type's name, e.g. {@code gilscope.MonitorAcquire}. */
  public String typeName() {
    return typeName;
  }

  /** The fields in the order the agent declares them. */
  public List<Field> fields() {
    return List.copyOf(fields.values());
  }

  /** The field of this name, if this type has one. */
  public Optional<Field> field(String name) {
    return Optional.ofNullable(fields.get(name));
  }

  /** The event type of this name, if it is a gilscope event type. */
  public static Optional<EventSchema> of(String typeName) {
    return Arrays.stream(values()).filter(s -> s.typeName.equals(typeName)).findFirst();
  }

  private static Field field(String name, Unit unit) {
    return new Field(name, unit);
  }

  /** The four monitor fields that every event but the two per-acquisition ones carries, first. */
  private static Field[] withMonitor(Field... rest) {
    List<Field> all = new ArrayList<>();
    all.add(field(MONITOR_ID, Unit.COUNT));
    all.add(field(MONITOR_NAME, Unit.STRING));
    all.add(field(MONITOR_CLASS, Unit.CLASS));
    all.add(field(MONITOR_KIND, Unit.STRING));
    all.addAll(Arrays.asList(rest));
    return all.toArray(new Field[0]);
  }
}

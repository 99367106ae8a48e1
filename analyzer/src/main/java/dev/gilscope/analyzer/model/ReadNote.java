package dev.gilscope.analyzer.model;

/**
 * Something the recording cannot tell, as the reader found it: a kind and its figures, not a
 * sentence. The reports word it (report/ReadNoteWording), so that the CLI can re-scope a note, say
 * to the monitors left after {@code --monitor}, by its kind and figures rather than by its text.
 *
 * @param monitor the monitor the note is about, or null
 * @param count the note's main figure (see {@link Kind})
 * @param others the note's second figure (see {@link Kind})
 */
public record ReadNote(Kind kind, String monitor, long count, long others) {
  /** What a note is about. */
  public enum Kind {
    /**
     * {@code count} monitors are seen only through the JDK's lock events, which record contended
     * waits above their threshold and nothing else; {@code others} monitors of the same recording
     * are tracked by gilscope, with exact counts.
     */
    JDK_EVENTS_ONLY,
    /** The gilscope-tracked {@code monitor} has no statistics events: no exact counts. */
    NO_STATISTICS,
    /** The agent suppressed {@code count} errors of its probes: some counts may be short. */
    SUPPRESSED_PROBE_ERRORS
  }

  public static ReadNote jdkEventsOnly(long jdkOnlyMonitors, long trackedMonitors) {
    return new ReadNote(Kind.JDK_EVENTS_ONLY, null, jdkOnlyMonitors, trackedMonitors);
  }

  public static ReadNote noStatistics(String monitor) {
    return new ReadNote(Kind.NO_STATISTICS, monitor, 0, 0);
  }

  public static ReadNote suppressedProbeErrors(long errors) {
    return new ReadNote(Kind.SUPPRESSED_PROBE_ERRORS, null, errors, 0);
  }
}

package dev.gilscope.agent.probe;

import dev.gilscope.agent.event.MonitorHold;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Locale;

/**
 * The duration JFR itself measured for an ended {@link MonitorHold}, so that a hold that has an
 * event is timed by the event's two clock reads instead of two more of the agent's own (at {@code
 * detail=all} five clock reads per acquisition were a third of the probe's time, ~38 ns each here).
 * JFR keeps it in the private {@code duration} field it generates into every event class (JDK 17 to
 * 25 alike), in JFR ticks: nanoseconds on Linux unless {@code -XX:+UseFastUnorderedTimeStamps}
 * switches JFR to the TSC. Anywhere else, or if the field is missing, {@link #USABLE} is false and
 * the agent reads {@code System.nanoTime} as before.
 */
public final class EventClock {
  private static final long SPIN_NANOS = 200_000;
  private static final int CHECKS = 3;

  private static final VarHandle DURATION = durationField();

  /** Whether {@link #durationNanos} may be used. */
  static final boolean USABLE =
      DURATION != null && ticksAreNanos() && measuresLikeNanoTimeInAnyCheck();

  private EventClock() {}

  /**
   * The clock that times holds, for {@code gilscope.AgentStatus}: {@code event} (the duration JFR
   * measured for the hold's event) or {@code nanoTime} (the agent's own reads).
   */
  public static String holdClock() {
    return USABLE ? "event" : "nanoTime";
  }

  /**
   * Decides {@link #USABLE} now, in premain once the agent's own recording has started, else when
   * JFR initializes: the check spins 0.2 ms (three times at most), which must not happen inside the
   * application's first timed hold, and it loads an event class, which must not happen before JFR
   * is up (see {@link Emitter}).
   */
  public static boolean initialize() {
    return USABLE;
  }

  /** The duration of an event on which {@code end()} was called, in nanoseconds. */
  static long durationNanos(MonitorHold ended) {
    return (long) DURATION.get(ended);
  }

  private static VarHandle durationField() {
    try {
      return MethodHandles.privateLookupIn(MonitorHold.class, MethodHandles.lookup())
          .findVarHandle(MonitorHold.class, "duration", long.class);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  /**
   * Whether one of a few checks passes: a clock that differs fails every one, while a first check
   * can only be slowed (by the first calls into JFR's code, or the thread descheduled), never sped.
   */
  private static boolean measuresLikeNanoTimeInAnyCheck() {
    for (int i = 0; i < CHECKS; i++) {
      if (measuresLikeNanoTime()) {
        return true;
      }
    }
    return false;
  }

  /**
   * An event that was never committed, timed against {@code System.nanoTime}: false when JFR has
   * not instrumented the class (its {@code begin()}/{@code end()} then do nothing) or its field
   * means something else. The spin starts after {@code begin()} returns and {@code end()} is read
   * after it, so a slow first {@code begin()} (class loading, a descheduled thread) cannot make the
   * event's duration short of the spin: with the same clock the duration is at least the spin and
   * at most the time around both calls, whatever the machine's load.
   */
  static boolean measuresLikeNanoTime() {
    try {
      MonitorHold probe = new MonitorHold();
      long before = System.nanoTime();
      probe.begin();
      long spinFrom = System.nanoTime();
      while (System.nanoTime() - spinFrom < SPIN_NANOS) {
        Thread.onSpinWait();
      }
      probe.end();
      long elapsed = System.nanoTime() - before;
      long measured = durationNanos(probe);
      return measured >= SPIN_NANOS && measured <= elapsed;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static boolean ticksAreNanos() {
    if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
      return false;
    }
    String flag = "UseFastUnorderedTimeStamps";
    for (String env : new String[] {"JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS"}) {
      String value = System.getenv(env);
      if (value != null && value.contains(flag)) {
        return false;
      }
    }
    try {
      String[] arguments = ProcessHandle.current().info().arguments().orElse(null);
      if (arguments == null) {
        return false; // cannot tell: keep the agent's own clock
      }
      for (String argument : arguments) {
        if (argument.contains(flag) || argument.startsWith("@")) {
          return false; // an @argfile may carry the flag
        }
      }
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }
}

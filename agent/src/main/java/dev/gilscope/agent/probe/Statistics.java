package dev.gilscope.agent.probe;

import dev.gilscope.agent.event.AgentStatus;
import dev.gilscope.agent.event.MonitorStatistics;
import dev.gilscope.agent.event.ThreadMonitorStatistics;
import jdk.jfr.FlightRecorder;
import jdk.jfr.FlightRecorderListener;

/**
 * Emits {@code MonitorStatistics} / {@code ThreadMonitorStatistics} as exact deltas: the counters
 * only grow, and each emission sends the difference to the values it sent before, so the sum over a
 * recording equals the totals. Runs on JFR's periodic thread (every {@code period}) and, through
 * the {@code AgentStatus} hook, at the beginning and end of every chunk, so the last period of a
 * recording is written when it is dumped at exit. A {@code monitor=<class>} class costs one event
 * for its untracked instances together and one per tracked instance (at most {@code instances=}),
 * however many instances it has. Serialized by the class lock (not a tracked monitor); never
 * touches a tracked monitor itself. Cost: one event per monitor and per (monitor, thread) used in
 * the period.
 *
 * <p>The maxima are reset at each emission with a racy store: a hold that ends during an emission
 * may count towards the next period's maximum instead.
 */
public final class Statistics {
  private static volatile String agentVersion = "";
  private static volatile String options = "";
  private static boolean hooksInstalled;
  private static volatile boolean clockOnInit;

  private Statistics() {}

  /**
   * Registers the periodic hooks and enables the per-operation events now if JFR is up, else when
   * it initializes (premain). JFR calls the listener before any recording can start.
   */
  public static void install(String version, String optionString) {
    install(version, optionString, true);
  }

  /**
   * As {@link #install(String, String)}; {@code decideClockOnInit} false leaves {@link
   * EventClock#initialize} to the caller, who starts a recording first (its check needs an enabled
   * hold event, which JFR's initialization alone does not give on JDK 17).
   */
  public static void install(String version, String optionString, boolean decideClockOnInit) {
    agentVersion = version;
    options = optionString;
    clockOnInit = decideClockOnInit;
    FlightRecorder.addListener(
        new FlightRecorderListener() {
          @Override
          public void recorderInitialized(FlightRecorder recorder) {
            installHooks();
          }
        });
  }

  private static synchronized void installHooks() {
    if (hooksInstalled) {
      return;
    }
    hooksInstalled = true;
    if (clockOnInit) {
      EventClock.initialize();
    }
    Emitter.eventsReady();
    FlightRecorder.addPeriodicEvent(MonitorStatistics.class, Statistics::flush);
    FlightRecorder.addPeriodicEvent(AgentStatus.class, Statistics::statusAndFlush);
  }

  private static void statusAndFlush() {
    try {
      AgentStatus status = new AgentStatus();
      if (status.isEnabled()) {
        status.detail = Detail.name();
        status.trackedMonitors = Registry.trackedCount();
        status.instrumentedClasses = Errors.instrumentedClasses();
        status.skippedClasses = Errors.skippedClasses();
        status.suppressedErrors = Errors.suppressedCount();
        status.agentVersion = agentVersion;
        status.options = options;
        status.targets = Targets.summary();
        status.holdClock = EventClock.holdClock();
        status.commit();
      }
    } catch (Throwable t) {
      Errors.suppressed(t);
    }
    flush();
  }

  /** Emits the deltas of every monitor used since the previous emission. */
  public static synchronized void flush() {
    boolean guarded = Emitter.enterGuard();
    try {
      MonitorStatistics probe = new MonitorStatistics();
      if (!probe.isEnabled()) {
        return; // keep accumulating until a recording wants them
      }
      long nowMillis = System.currentTimeMillis();
      MonitorState previous = null;
      for (MonitorState s = Registry.allStates(); s != null; s = s.nextRegistered) {
        if (s.isOthers()) {
          s.instances.sumIntoOthers();
        }
        emitMonitor(s, nowMillis);
        // A collected class-monitor instance has nothing left to report: unlink it. Only the head
        // is ever written by other threads (registration), so unlinking behind it is safe here.
        if (previous != null && s.strongKey == null && s.get() == null) {
          previous.nextRegistered = s.nextRegistered;
          if (s.instances != null) {
            s.instances.release(); // its class may track another instance in its place
          }
        } else {
          previous = s;
        }
      }
    } catch (Throwable t) {
      Errors.suppressed(t);
    } finally {
      if (guarded) {
        Emitter.exitGuard();
      }
    }
  }

  private static void emitMonitor(MonitorState s, long nowMillis) {
    EmittedTotals last = s.emitted;
    long acquisitions = s.acquisitions;
    long contended = s.contendedAcquisitions;
    long handoffs = s.handoffs;
    long barging = s.barging;
    long passOvers = s.passOvers;
    long reentrant = s.reentrantEntries;
    long waits = s.waits;
    long timedOutWaits = s.timedOutWaits;
    long notifies = s.notifies;
    long failedTryLocks = s.failedTryLocks;
    long timedHolds = s.timedHolds;
    long totalHold = s.totalHoldNanos;
    long sampledHolds = s.sampledHolds;
    long sampledHold = s.sampledHoldNanos;
    long timedWaits = s.timedWaits;
    long totalWait = s.totalWaitNanos;
    long timedGaps = s.timedGaps;
    long totalGap = s.totalGapNanos;
    long sampledGaps = s.sampledGaps;
    long sampledGap = s.sampledGapNanos;
    long timedEntries = s.timedEntries;
    long totalEntry = s.totalEntryNanos;
    long sampledLongHolds = s.sampledLongHolds;
    long sampledLongHold = s.sampledLongHoldNanos;
    long sampledLongGaps = s.sampledLongGaps;
    long sampledLongGap = s.sampledLongGapNanos;
    long longEntries = s.longEntries;
    long longEntry = s.longEntryNanos;
    boolean used =
        acquisitions != last.acquisitions
            || reentrant != last.reentrant
            || waits != last.waits
            || notifies != last.notifies
            || failedTryLocks != last.failedTryLocks
            || timedHolds != last.timedHolds;
    if (used) {
      MonitorStatistics e = new MonitorStatistics();
      e.monitorId = s.id;
      e.monitorName = s.name;
      e.monitorClass = s.monitorClass;
      e.monitorKind = s.kind;
      e.trackedSince = s.trackedSinceMillis;
      e.periodStart = last.periodStartMillis;
      e.acquisitions = acquisitions - last.acquisitions;
      e.contendedAcquisitions = contended - last.contended;
      e.handoffs = handoffs - last.handoffs;
      e.barging = barging - last.barging;
      e.passOvers = passOvers - last.passOvers;
      e.reentrantEntries = reentrant - last.reentrant;
      e.waits = waits - last.waits;
      e.timedOutWaits = timedOutWaits - last.timedOutWaits;
      e.notifies = notifies - last.notifies;
      e.failedTryLocks = failedTryLocks - last.failedTryLocks;
      e.timedHolds = timedHolds - last.timedHolds;
      e.totalHold = totalHold - last.totalHoldNanos;
      e.sampledHolds = sampledHolds - last.sampledHolds;
      e.sampledHold = sampledHold - last.sampledHoldNanos;
      e.maxHold = s.maxHoldNanos;
      s.maxHoldNanos = 0;
      e.timedWaits = timedWaits - last.timedWaits;
      e.totalWait = totalWait - last.totalWaitNanos;
      e.maxWait = s.maxWaitNanos;
      s.maxWaitNanos = 0;
      e.maxQueueLength = s.maxQueueLength;
      s.maxQueueLength = 0;
      e.timedGaps = timedGaps - last.timedGaps;
      e.totalGap = totalGap - last.totalGapNanos;
      e.sampledGaps = sampledGaps - last.sampledGaps;
      e.sampledGap = sampledGap - last.sampledGapNanos;
      e.timedEntries = timedEntries - last.timedEntries;
      e.totalEntry = totalEntry - last.totalEntryNanos;
      e.sampledLongHolds = sampledLongHolds - last.sampledLongHolds;
      e.sampledLongHold = sampledLongHold - last.sampledLongHoldNanos;
      e.sampledLongGaps = sampledLongGaps - last.sampledLongGaps;
      e.sampledLongGap = sampledLongGap - last.sampledLongGapNanos;
      e.longEntries = longEntries - last.longEntries;
      e.longEntry = longEntry - last.longEntryNanos;
      e.commit();
      last.acquisitions = acquisitions;
      last.contended = contended;
      last.handoffs = handoffs;
      last.barging = barging;
      last.passOvers = passOvers;
      last.reentrant = reentrant;
      last.waits = waits;
      last.timedOutWaits = timedOutWaits;
      last.notifies = notifies;
      last.failedTryLocks = failedTryLocks;
      last.timedHolds = timedHolds;
      last.totalHoldNanos = totalHold;
      last.sampledHolds = sampledHolds;
      last.sampledHoldNanos = sampledHold;
      last.timedWaits = timedWaits;
      last.totalWaitNanos = totalWait;
      last.timedGaps = timedGaps;
      last.totalGapNanos = totalGap;
      last.sampledGaps = sampledGaps;
      last.sampledGapNanos = sampledGap;
      last.timedEntries = timedEntries;
      last.totalEntryNanos = totalEntry;
      last.sampledLongHolds = sampledLongHolds;
      last.sampledLongHoldNanos = sampledLongHold;
      last.sampledLongGaps = sampledLongGaps;
      last.sampledLongGapNanos = sampledLongGap;
      last.longEntries = longEntries;
      last.longEntryNanos = longEntry;
    }
    for (ThreadStats ts : s.threads.snapshot()) {
      if (ts != null) {
        emitThread(s, ts, last.periodStartMillis);
      }
    }
    last.periodStartMillis = nowMillis;
  }

  private static void emitThread(MonitorState s, ThreadStats ts, long periodStartMillis) {
    long requests = ts.requests;
    long acquisitions = ts.acquisitions;
    long contended = ts.contendedAcquisitions;
    long passOvers = ts.passOvers;
    long timedHolds = ts.timedHolds;
    long totalHold = ts.totalHoldNanos;
    long totalWait = ts.totalWaitNanos;
    long waits = ts.waits;
    long waitInWait = ts.totalWaitInWaitNanos;
    if (requests == ts.emittedRequests
        && acquisitions == ts.emittedAcquisitions
        && waits == ts.emittedWaits
        && timedHolds == ts.emittedTimedHolds) {
      return;
    }
    ThreadMonitorStatistics e = new ThreadMonitorStatistics();
    if (!e.isEnabled()) {
      return;
    }
    e.monitorId = s.id;
    e.monitorName = s.name;
    e.monitorClass = s.monitorClass;
    e.monitorKind = s.kind;
    e.periodStart = periodStartMillis;
    e.thread = ts.thread;
    e.threadName = ts.thread.getName();
    e.javaThreadId = ts.thread.getId();
    e.requests = requests - ts.emittedRequests;
    e.acquisitions = acquisitions - ts.emittedAcquisitions;
    e.contendedAcquisitions = contended - ts.emittedContended;
    e.passOvers = passOvers - ts.emittedPassOvers;
    e.timedHolds = timedHolds - ts.emittedTimedHolds;
    e.totalHold = totalHold - ts.emittedTotalHoldNanos;
    e.maxHold = ts.maxHoldNanos;
    ts.maxHoldNanos = 0;
    e.totalWait = totalWait - ts.emittedTotalWaitNanos;
    e.maxWait = ts.maxWaitNanos;
    ts.maxWaitNanos = 0;
    e.waits = waits - ts.emittedWaits;
    e.totalWaitInWait = waitInWait - ts.emittedTotalWaitInWaitNanos;
    e.commit();
    ts.emittedRequests = requests;
    ts.emittedAcquisitions = acquisitions;
    ts.emittedContended = contended;
    ts.emittedPassOvers = passOvers;
    ts.emittedTimedHolds = timedHolds;
    ts.emittedTotalHoldNanos = totalHold;
    ts.emittedTotalWaitNanos = totalWait;
    ts.emittedWaits = waits;
    ts.emittedTotalWaitInWaitNanos = waitInWait;
  }
}

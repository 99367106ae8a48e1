package dev.gilscope.agent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gilscope.contract.GilscopeEvents;
import dev.gilscope.contract.GilscopeFields;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import jdk.jfr.consumer.RecordedEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End-to-end tests of the packaged agent: each launches a child JVM with {@code -javaagent}, runs
 * test programs from {@code dev.gilscope.itapps} that print their exact expected counts, and
 * compares them with the recording. Subclasses choose the JDK.
 */
abstract class AgentITBase {
  static final String GIL = "dev.gilscope.itapps.GilLoop#GIL";
  static final String SLEEPY = "dev.gilscope.itapps.SleepyHolder#SLEEPY";
  static final String LOCK = "dev.gilscope.itapps.LockApp#LOCK (ReentrantLock)";
  static final String RW = "dev.gilscope.itapps.LockApp#RW (write lock of ReentrantReadWriteLock)";
  static final String ALL_TARGETS =
      "monitor=dev.gilscope.itapps.GilLoop#GIL,monitor=dev.gilscope.itapps.SleepyHolder#SLEEPY,"
          + "monitor=dev.gilscope.itapps.SyncMethods$Counter,monitor=java.util.Hashtable,"
          + "lock=dev.gilscope.itapps.LockApp#LOCK,lock=dev.gilscope.itapps.LockApp#RW";
  static final String SCENARIOS = "dev.gilscope.itapps.Scenarios";

  @TempDir Path tmp;

  /** The JDK to run the child JVMs on; skips the test (assumption) when it is absent. */
  abstract Path javaHome();

  int featureVersion() throws Exception {
    ChildJvm.Result r = new ChildJvm(javaHome()).jvmArg("-XshowSettings:properties").run(SCENARIOS);
    for (String line : r.stderr.split("\\R")) {
      if (line.trim().startsWith("java.specification.version = ")) {
        return Integer.parseInt(line.trim().substring("java.specification.version = ".length()));
      }
    }
    throw new AssertionError("no java.specification.version in " + r);
  }

  @Test
  void detailAllRecordsEveryAcquisitionExactly() throws Exception {
    Path file = tmp.resolve("all.jfr");
    ChildJvm.Result r =
        new ChildJvm(javaHome())
            .agent(ALL_TARGETS + ",detail=all,file=" + file)
            .run(SCENARIOS, "gil", "sleepy", "sync", "hashtable", "lock");
    assertThat(r.exitCode).as(r.toString()).isZero();
    assertThat(r.stderr).as(r.toString()).doesNotContain("gilscope:");
    Recorded rec = new Recorded(file);
    assertAgentHealthy(rec);

    // every acquisition is an event, numbered 1..N without gaps
    long acquisitions = r.expected("gil.acquisitions");
    long waits = r.expected("gil.waits");
    List<RecordedEvent> acquires = rec.of(GilscopeEvents.MONITOR_ACQUIRE, GIL);
    assertThat(acquires).hasSize((int) acquisitions);
    assertThat(
            acquires.stream().mapToLong(e -> e.getLong(GilscopeFields.SEQUENCE)).sorted().toArray())
        .containsExactly(LongStream.rangeClosed(1, acquisitions).toArray());
    List<RecordedEvent> holds = rec.of(GilscopeEvents.MONITOR_HOLD, GIL);
    assertThat(holds).hasSize((int) (acquisitions + waits));
    assertThat(holds.stream().filter(e -> e.getBoolean(GilscopeFields.ENDED_BY_WAIT)).count())
        .isEqualTo(waits);
    assertThat(rec.of(GilscopeEvents.MONITOR_WAIT, GIL)).hasSize((int) waits);
    assertThat(rec.of(GilscopeEvents.MONITOR_NOTIFY, GIL))
        .hasSize((int) r.expected("gil.notifies"));
    assertThat(rec.stat(GIL, "acquisitions")).isEqualTo(acquisitions);
    assertThat(rec.stat(GIL, "reentrantEntries")).isEqualTo(r.expected("gil.reentrant"));
    assertThat(rec.stat(GIL, "waits")).isEqualTo(waits);
    assertThat(rec.stat(GIL, "notifies")).isEqualTo(r.expected("gil.notifies"));
    assertThat(rec.stat(GIL, "timedHolds")).isEqualTo(acquisitions + waits);
    // every uncontended acquisition is in the sample stratum, and its holds are part of the total
    assertThat(rec.stat(GIL, "sampledHolds"))
        .isEqualTo(acquisitions - rec.stat(GIL, "contendedAcquisitions"));
    assertThat(rec.stat(GIL, "sampledHold"))
        .isPositive()
        .isLessThanOrEqualTo(rec.stat(GIL, "totalHold"));
    // holds are timed from the hold events' own JFR durations where the agent can read them
    // (EventClock: on Linux JFR's ticks are System.nanoTime's, whatever the machine's load): the
    // statistics and the events must agree, in nanoseconds
    if (System.getProperty("os.name").startsWith("Linux")) {
      assertThat(rec.of(GilscopeEvents.AGENT_STATUS))
          .allMatch(e -> "event".equals(e.getString(GilscopeFields.HOLD_CLOCK)));
    }
    long eventHoldNanos = holds.stream().mapToLong(e -> e.getDuration().toNanos()).sum();
    if (Math.abs(rec.stat(GIL, "totalHold") - eventHoldNanos) > 0.25 * eventHoldNanos) {
      // they disagreed in about 1 of 18 CI runs with the event clock, where they should agree to
      // the nanosecond: the recording is kept so the next failure can be explained
      Path kept = Path.of("target", "failed-" + getClass().getSimpleName() + "-all.jfr");
      Files.copy(file, kept, StandardCopyOption.REPLACE_EXISTING);
      assertThat((double) rec.stat(GIL, "totalHold"))
          .as("statistics' totalHold against the hold events' durations; recording kept: " + kept)
          .isCloseTo((double) eventHoldNanos, withinPercentage(25));
    }

    // a 50 ms holder: the waiter's wait and the holder's hold both last >= 45 ms
    RecordedEvent waited = only(rec.of(GilscopeEvents.MONITOR_ACQUIRE, SLEEPY), "sleepy-waiter");
    assertThat(waited.getBoolean(GilscopeFields.CONTENDED)).isTrue();
    assertThat(waited.getDuration()).isGreaterThanOrEqualTo(Duration.ofMillis(45));
    assertThat(waited.getThread(GilscopeFields.PREVIOUS_OWNER).getJavaName())
        .isEqualTo("sleepy-holder");
    assertThat(waited.getThread(GilscopeFields.LAST_RELEASER).getJavaName())
        .isEqualTo("sleepy-holder");
    assertThat(waited.getString(GilscopeFields.PREVIOUS_OWNER_NAME)).isEqualTo("sleepy-holder");
    assertThat(waited.getString(GilscopeFields.LAST_RELEASER_NAME)).isEqualTo("sleepy-holder");
    RecordedEvent held = only(rec.of(GilscopeEvents.MONITOR_HOLD, SLEEPY), "sleepy-holder");
    assertThat(held.getDuration()).isGreaterThanOrEqualTo(Duration.ofMillis(45));
    assertThat(held.getInt(GilscopeFields.WAITERS_AT_RELEASE)).isEqualTo(1);

    // synchronized methods of an application class (monitor=C)
    String counter = "dev.gilscope.itapps.SyncMethods$Counter@";
    assertThat(
            rec.sum(GilscopeEvents.MONITOR_STATISTICS, n -> n.startsWith(counter), "acquisitions"))
        .isEqualTo(r.expected("sync.acquisitions"));
    assertThat(
            rec.sum(
                GilscopeEvents.MONITOR_STATISTICS, n -> n.startsWith(counter), "reentrantEntries"))
        .isEqualTo(r.expected("sync.reentrant"));
    assertThat(rec.of(GilscopeEvents.MONITOR_ACQUIRE, n -> n.startsWith(counter)))
        .hasSize((int) r.expected("sync.acquisitions"));

    // a JDK class loaded before the agent (monitor=java.util.Hashtable)
    String table = r.expectations().get("hashtable.name");
    assertThat(rec.stat(table, "acquisitions")).isEqualTo(r.expected("hashtable.acquisitions"));
    assertThat(rec.stat(table, "reentrantEntries")).isEqualTo(r.expected("hashtable.reentrant"));

    // ReentrantLock: lock/unlock, failed tryLocks, condition await/signal
    assertThat(rec.stat(LOCK, "acquisitions")).isEqualTo(r.expected("lock.acquisitions"));
    assertThat(rec.stat(LOCK, "reentrantEntries")).isEqualTo(r.expected("lock.reentrant"));
    assertThat(rec.stat(LOCK, "failedTryLocks")).isEqualTo(2);
    assertThat(rec.stat(LOCK, "waits")).isEqualTo(r.expected("lock.waits"));
    assertThat(rec.stat(LOCK, "notifies")).isEqualTo(r.expected("lock.notifies"));
    assertThat(rec.stat(LOCK, "timedOutWaits")).isEqualTo(r.expected("lock.timedOutWaits"));
    List<RecordedEvent> failed = rec.of(GilscopeEvents.MONITOR_TRY_LOCK_FAILED, LOCK);
    assertThat(failed).hasSize(2);
    assertThat(
            failed.stream()
                .map(e -> e.getDuration(GilscopeFields.TIMEOUT))
                .collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(Duration.ZERO, Duration.ofMillis(20));
    assertThat(failed.stream().map(e -> e.getThread(GilscopeFields.PREVIOUS_OWNER).getJavaName()))
        .containsOnly("lock-holder");
    assertThat(failed.stream().map(e -> e.getString(GilscopeFields.PREVIOUS_OWNER_NAME)))
        .containsOnly("lock-holder");
    assertThat(
            rec.of(GilscopeEvents.MONITOR_ACQUIRE, LOCK).stream()
                .filter(e -> e.getBoolean(GilscopeFields.TRY_LOCK)))
        .hasSize(1);
    assertThat(rec.of(GilscopeEvents.MONITOR_WAIT, LOCK)).hasSize((int) r.expected("lock.waits"));
    assertThat(rec.stat(RW, "acquisitions")).isEqualTo(r.expected("rw.acquisitions"));
  }

  @Test
  void everyWayOutOfASynchronizedRegionStaysExactAndCompilable() throws Exception {
    Path file = tmp.resolve("shapes.jfr");
    String lock = "dev.gilscope.itapps.ExitShapes#LOCK";
    String wrapped = "dev.gilscope.itapps.ExitShapes$Wrapped";
    ChildJvm.Result r =
        new ChildJvm(javaHome())
            .jvmArg("-Xlog:monitormismatch=info")
            .agent("monitor=" + lock + ",monitor=" + wrapped + ",detail=all,file=" + file)
            .run(SCENARIOS, "shapes");
    assertThat(r.exitCode).as(r.toString()).isZero();
    // HotSpot logs a method whose monitors it cannot prove balanced, and never compiles it
    assertThat(r.stdout + r.stderr).as(r.toString()).doesNotContain("Monitor mismatch");
    Recorded rec = new Recorded(file);
    assertAgentHealthy(rec);
    long acquisitions = r.expected("shapes.acquisitions");
    assertThat(rec.stat(lock, "acquisitions")).isEqualTo(acquisitions);
    assertThat(rec.stat(lock, "reentrantEntries")).isEqualTo(r.expected("shapes.reentrant"));
    List<RecordedEvent> acquires = rec.of(GilscopeEvents.MONITOR_ACQUIRE, lock);
    List<RecordedEvent> holds = rec.of(GilscopeEvents.MONITOR_HOLD, lock);
    assertThat(acquires).hasSize((int) acquisitions);
    assertThat(holds).hasSize((int) acquisitions);
    // an uncontended acquisition is an instant, written when the hold it begins starts
    Map<Long, Instant> holdStarts =
        holds.stream()
            .collect(
                Collectors.toMap(
                    e -> e.getLong(GilscopeFields.SEQUENCE), RecordedEvent::getStartTime));
    assertThat(holdStarts).hasSize((int) acquisitions);
    for (RecordedEvent acquire : acquires) {
      assertThat(acquire.getBoolean(GilscopeFields.CONTENDED)).isFalse();
      assertThat(acquire.getDuration()).isEqualTo(Duration.ZERO);
      assertThat(acquire.getStartTime())
          .isBeforeOrEqualTo(holdStarts.get(acquire.getLong(GilscopeFields.SEQUENCE)));
    }
    Predicate<String> wrappedInstance = n -> n.startsWith(wrapped + "@");
    long wrappedCalls = r.expected("shapes.wrapped");
    assertThat(rec.sum(GilscopeEvents.MONITOR_STATISTICS, wrappedInstance, "acquisitions"))
        .isEqualTo(wrappedCalls);
    assertThat(rec.of(GilscopeEvents.MONITOR_ACQUIRE, wrappedInstance)).hasSize((int) wrappedCalls);
    assertThat(rec.of(GilscopeEvents.MONITOR_HOLD, wrappedInstance)).hasSize((int) wrappedCalls);
    assertThat(rec.sum(GilscopeEvents.MONITOR_STATISTICS, wrappedInstance, "reentrantEntries"))
        .isEqualTo(r.expected("shapes.wrappedReentrant"));
  }

  @Test
  void callsOfAJdkClassesSynchronizedMethodsRecordTheirContention() throws Exception {
    Path file = tmp.resolve("table.jfr");
    ChildJvm.Result r =
        new ChildJvm(javaHome())
            .jvmArg("-Xlog:monitormismatch=info")
            .agent("monitor=java.util.Hashtable,file=" + file)
            .run(SCENARIOS, "shared-table");
    assertThat(r.exitCode).as(r.toString()).isZero();
    assertThat(r.stdout + r.stderr).as(r.toString()).doesNotContain("Monitor mismatch");
    Recorded rec = new Recorded(file);
    assertAgentHealthy(rec);
    String table = r.expectations().get("shared.name");
    // one acquisition per call, whether the call returned or threw; the JDK method's own entry
    // inside the call site's is neither an acquisition nor a reentry
    assertThat(rec.stat(table, "acquisitions")).isEqualTo(r.expected("shared.acquisitions"));
    assertThat(rec.stat(table, "reentrantEntries")).isZero();
    long contended = rec.stat(table, "contendedAcquisitions");
    assertThat(contended).isPositive();
    assertThat(rec.stat(table, "timedWaits")).isEqualTo(contended);
    assertThat(rec.stat(table, "totalWait")).isPositive();
    assertThat(rec.stat(table, "handoffs")).isPositive();
    // each contended acquisition is an event: its wait, and the worker that held the table
    List<RecordedEvent> acquires = rec.of(GilscopeEvents.MONITOR_ACQUIRE, table);
    assertThat((long) acquires.size()).isEqualTo(contended);
    assertThat(acquires).allMatch(e -> e.getBoolean(GilscopeFields.CONTENDED));
    assertThat(acquires)
        .allMatch(e -> e.getString(GilscopeFields.PREVIOUS_OWNER_NAME).startsWith("shared-table-"));
    assertThat(acquires.stream().mapToLong(e -> e.getDuration().toNanos()).sum()).isPositive();
    // per worker: its exact acquisitions, and the pass-overs it suffered while waiting
    Map<String, List<RecordedEvent>> perThread =
        rec.of(GilscopeEvents.THREAD_MONITOR_STATISTICS, table).stream()
            .filter(e -> e.getString(GilscopeFields.THREAD_NAME).startsWith("shared-table-"))
            .collect(Collectors.groupingBy(e -> e.getString(GilscopeFields.THREAD_NAME)));
    assertThat(perThread).hasSize(4);
    for (List<RecordedEvent> events : perThread.values()) {
      assertThat(events.stream().mapToLong(e -> e.getLong(GilscopeFields.ACQUISITIONS)).sum())
          .isEqualTo(r.expected("shared.perThread"));
    }
    assertThat(
            perThread.values().stream()
                .flatMap(List::stream)
                .mapToLong(e -> e.getLong(GilscopeFields.PASS_OVERS))
                .sum())
        .isPositive();
  }

  @Test
  void theApplicationStillChoosesItsLogManager() throws Exception {
    // the agent's premain must not initialize java.util.logging (directly, through JFR, or through
    // the platform MBean server), or an application server cannot install its own log manager
    ChildJvm.Result r =
        new ChildJvm(javaHome())
            .agent(
                "monitor=dev.gilscope.itapps.LogManagerApp#LOCK,detail=all,file="
                    + tmp.resolve("log.jfr"))
            .run("dev.gilscope.itapps.LogManagerApp");
    assertThat(r.exitCode).as(r.toString()).isZero();
    assertThat(r.expectations().get("logmanager.class"))
        .as(r.toString())
        .isEqualTo("dev.gilscope.itapps.LogManagerApp$OwnLogManager");
  }

  @Test
  void defaultDetailCountsExactlyAndRecordsContendedAcquisitions() throws Exception {
    Path file = tmp.resolve("default.jfr");
    ChildJvm.Result r =
        new ChildJvm(javaHome())
            .agent(ALL_TARGETS + ",file=" + file)
            .run(SCENARIOS, "gil", "lock", "exit-main");
    Recorded rec = exactGilRecording(r, file);
    assertThat(rec.stat(LOCK, "acquisitions")).isEqualTo(r.expected("lock.acquisitions"));
    assertThat(rec.stat(LOCK, "failedTryLocks")).isEqualTo(2);
    // every contended acquisition is recorded with its measured wait; no uncontended ones
    List<RecordedEvent> acquires = rec.of(GilscopeEvents.MONITOR_ACQUIRE, GIL);
    assertThat(acquires).allMatch(e -> e.getBoolean(GilscopeFields.CONTENDED));
    assertThat((long) acquires.size()).isEqualTo(rec.stat(GIL, "contendedAcquisitions"));
    assertThat(rec.stat(GIL, "timedWaits")).isEqualTo(rec.stat(GIL, "contendedAcquisitions"));
    // the hold sample: exactly every 1000th uncontended acquisition (sample=1000 by default)
    long uncontended = r.expected("gil.acquisitions") - rec.stat(GIL, "contendedAcquisitions");
    assertThat(rec.stat(GIL, "sampledHolds")).isEqualTo(uncontended / 1000);
    // per-thread statistics add up to the monitor's
    assertThat(rec.sum(GilscopeEvents.THREAD_MONITOR_STATISTICS, GIL::equals, "acquisitions"))
        .isEqualTo(r.expected("gil.acquisitions"));
    assertThat(rec.of("jdk.CPUInformation")).isNotEmpty();
  }

  @Test
  void holdsDetailWritesEveryHoldAndOnlyContendedAcquires() throws Exception {
    Path file = tmp.resolve("holds.jfr");
    ChildJvm.Result r =
        new ChildJvm(javaHome())
            .agent("monitor=" + GIL + ",detail=holds,file=" + file)
            .run(SCENARIOS, "gil");
    Recorded rec = exactGilRecording(r, file);
    long acquisitions = r.expected("gil.acquisitions");
    long waits = r.expected("gil.waits");
    // every acquisition has its hold event, numbered 1..N (a wait splits a hold in two segments)
    List<RecordedEvent> holds = rec.of(GilscopeEvents.MONITOR_HOLD, GIL);
    assertThat(holds).hasSize((int) (acquisitions + waits));
    assertThat(
            holds.stream()
                .mapToLong(e -> e.getLong(GilscopeFields.SEQUENCE))
                .distinct()
                .sorted()
                .toArray())
        .containsExactly(LongStream.rangeClosed(1, acquisitions).toArray());
    // acquire events only where there was a wait to record
    List<RecordedEvent> acquires = rec.of(GilscopeEvents.MONITOR_ACQUIRE, GIL);
    assertThat(acquires).allMatch(e -> e.getBoolean(GilscopeFields.CONTENDED));
    assertThat((long) acquires.size()).isEqualTo(rec.stat(GIL, "contendedAcquisitions"));
    assertThat(rec.stat(GIL, "timedHolds")).isEqualTo(acquisitions + waits);
    assertThat(rec.of(GilscopeEvents.AGENT_STATUS).get(0).getString(GilscopeFields.DETAIL))
        .isEqualTo("holds");
  }

  @Test
  void sampledAndThresholdDetailsKeepExactStatistics() throws Exception {
    Path sampled = tmp.resolve("sampled.jfr");
    ChildJvm.Result r =
        new ChildJvm(javaHome())
            .agent("monitor=" + GIL + ",detail=sampled,sample=10,file=" + sampled)
            .run(SCENARIOS, "gil");
    Recorded rec = exactGilRecording(r, sampled);
    long acquisitions = r.expected("gil.acquisitions");
    // every 10th acquisition in full, whether contended or not
    assertThat(
            rec.of(GilscopeEvents.MONITOR_ACQUIRE, GIL).stream()
                .mapToLong(e -> e.getLong(GilscopeFields.SEQUENCE))
                .sorted()
                .toArray())
        .containsExactly(LongStream.rangeClosed(1, acquisitions / 10).map(i -> i * 10).toArray());
    // the uncontended ones among them are the hold sample
    assertThat(rec.stat(GIL, "sampledHolds"))
        .isEqualTo(
            rec.of(GilscopeEvents.MONITOR_ACQUIRE, GIL).stream()
                .filter(e -> !e.getBoolean(GilscopeFields.CONTENDED))
                .count());

    Path threshold = tmp.resolve("threshold.jfr");
    r =
        new ChildJvm(javaHome())
            .agent(
                "monitor="
                    + GIL
                    + ",monitor="
                    + SLEEPY
                    + ",detail=threshold,threshold=40ms,file="
                    + threshold)
            .run(SCENARIOS, "sleepy", "gil");
    rec = exactGilRecording(r, threshold);
    // only the 50 ms wait and the 50 ms hold pass the threshold
    assertThat(only(rec.of(GilscopeEvents.MONITOR_ACQUIRE, SLEEPY), "sleepy-waiter").getDuration())
        .isGreaterThanOrEqualTo(Duration.ofMillis(40));
    assertThat(rec.of(GilscopeEvents.MONITOR_ACQUIRE, SLEEPY)).hasSize(1);
    assertThat(only(rec.of(GilscopeEvents.MONITOR_HOLD, SLEEPY), "sleepy-holder").getDuration())
        .isGreaterThanOrEqualTo(Duration.ofMillis(40));
    assertThat(rec.of(GilscopeEvents.MONITOR_HOLD, SLEEPY)).hasSize(1);
    assertThat(rec.stat(SLEEPY, "timedHolds")).isEqualTo(2);
  }

  @Test
  void fileIsWrittenOnSystemExit() throws Exception {
    Path file = tmp.resolve("exit.jfr");
    ChildJvm.Result r =
        new ChildJvm(javaHome())
            .agent("monitor=" + GIL + ",file=" + file)
            .run(SCENARIOS, "gil", "exit-system");
    assertThat(r.exitCode).as(r.toString()).isEqualTo(3);
    Recorded rec = new Recorded(file);
    assertAgentHealthy(rec);
    assertExactGilTotals(r, rec);
  }

  @Test
  void fileIsWrittenOnSigterm() throws Exception {
    Path file = tmp.resolve("sigterm.jfr");
    ChildJvm.Running running =
        new ChildJvm(javaHome())
            .agent("monitor=" + GIL + ",file=" + file)
            .start(SCENARIOS, "gil", "exit-sigterm");
    running.awaitLine("READY", 120);
    running.process.destroy(); // SIGTERM
    ChildJvm.Result r = running.finish(60);
    assertThat(r.exitCode).as(r.toString()).isEqualTo(143);
    Recorded rec = new Recorded(file);
    assertAgentHealthy(rec);
    assertExactGilTotals(r, rec);
  }

  @Test
  void badOptionPrintsOneLineAndTheAppRunsOn() throws Exception {
    ChildJvm.Result typo = new ChildJvm(javaHome()).agent("monitr=" + GIL).run(SCENARIOS, "sleepy");
    assertThat(typo.exitCode).as(typo.toString()).isZero();
    assertThat(typo.stdout).contains("scenarios done");
    assertThat(typo.stderr.lines().filter(l -> l.startsWith("gilscope:")))
        .containsExactly(
            "gilscope: unknown option monitr="
                + GIL
                + ", did you mean monitor=?; the application runs without gilscope");

    ChildJvm.Result unknown =
        new ChildJvm(javaHome()).agent("monitor=com.example.Missing#GIL").run(SCENARIOS);
    assertThat(unknown.exitCode).as(unknown.toString()).isZero();
    assertThat(unknown.stdout).contains("scenarios done");
    // not an error at start-up (any loader may define it later): one line at exit
    assertThat(unknown.stderr.lines().filter(l -> l.startsWith("gilscope:")))
        .containsExactly(
            "gilscope: monitor=com.example.Missing#GIL: class com.example.Missing was never"
                + " loaded (no loaded class has a similar name)");
  }

  @Test
  void strictMakesABadOptionFatal() throws Exception {
    ChildJvm.Result r =
        new ChildJvm(javaHome())
            .agent("monitor=dev.gilscope.itapps.GilLoop#NOPE,strict=true")
            .run(SCENARIOS);
    assertThat(r.exitCode).as(r.toString()).isEqualTo(1);
    assertThat(r.stdout).doesNotContain("scenarios done");
    assertThat(r.stderr)
        .contains("gilscope: monitor=dev.gilscope.itapps.GilLoop#NOPE: class")
        .contains("has no field NOPE")
        .contains("(strict=true: exiting)");
  }

  @Test
  void worksNextToTheApplicationsOwnByteBuddy() throws Exception {
    Path byteBuddy =
        Path.of(
            net.bytebuddy.ByteBuddy.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
    Path file = tmp.resolve("bb.jfr");
    ChildJvm.Result r =
        new ChildJvm(javaHome())
            .classPath(ChildJvm.TEST_CLASSES + java.io.File.pathSeparator + byteBuddy)
            .agent("monitor=" + GIL + ",file=" + file)
            .run("dev.gilscope.itapps.OwnByteBuddyApp");
    assertThat(r.exitCode).as(r.toString()).isZero();
    assertThat(r.stdout).contains("bytebuddy ok");
    Recorded rec = new Recorded(file);
    assertAgentHealthy(rec);
    assertThat(rec.stat(GIL, "acquisitions")).isEqualTo(r.expected("gil.acquisitions"));
  }

  @Test
  void gilscopeJfcWorksWithStartFlightRecording() throws Exception {
    assertThat(ChildJvm.JFC).exists();
    Path file = tmp.resolve("jfc.jfr");
    ChildJvm.Result r =
        new ChildJvm(javaHome())
            .agent("monitor=" + GIL)
            .jvmArg("-XX:StartFlightRecording:settings=" + ChildJvm.JFC + ",filename=" + file)
            .run(SCENARIOS, "gil");
    Recorded rec = exactGilRecording(r, file);
    assertThat(rec.of("jdk.CPUInformation")).isNotEmpty();
    assertThat(rec.of("jdk.ThreadStart")).isNotEmpty();
  }

  @Test
  void virtualThreadsAreTheOwners() throws Exception {
    assumeTrue(featureVersion() >= 21, "virtual threads need JDK 21+");
    Path file = tmp.resolve("virtual.jfr");
    ChildJvm.Result r =
        new ChildJvm(javaHome())
            .agent("monitor=dev.gilscope.itapps.VirtualThreadsApp#VGIL,file=" + file)
            .run(SCENARIOS, "virtual");
    assertThat(r.exitCode).as(r.toString()).isZero();
    Recorded rec = new Recorded(file);
    assertAgentHealthy(rec);
    String vgil = "dev.gilscope.itapps.VirtualThreadsApp#VGIL";
    assertThat(rec.stat(vgil, "acquisitions")).isEqualTo(r.expected("virtual.acquisitions"));
    List<RecordedEvent> perThread = rec.of(GilscopeEvents.THREAD_MONITOR_STATISTICS, vgil);
    assertThat(perThread.stream().mapToLong(e -> e.getLong(GilscopeFields.ACQUISITIONS)).sum())
        .isEqualTo(r.expected("virtual.acquisitions"));
    Set<Long> threads =
        perThread.stream()
            .map(e -> e.getThread(GilscopeFields.THREAD).getJavaThreadId())
            .collect(Collectors.toSet());
    assertThat((long) threads.size()).isEqualTo(r.expected("virtual.threads"));
  }

  /**
   * The child exited normally, its recording is healthy and its GIL totals are exact: what every
   * test of the gil scenario checks first.
   */
  static Recorded exactGilRecording(ChildJvm.Result r, Path file) throws Exception {
    assertThat(r.exitCode).as(r.toString()).isZero();
    Recorded rec = new Recorded(file);
    assertAgentHealthy(rec);
    assertExactGilTotals(r, rec);
    return rec;
  }

  @Test
  void aClassWithAMillionInstancesCostsBoundedStateAndFindsItsHotInstance() throws Exception {
    Path file = tmp.resolve("instances.jfr");
    String session = "dev.gilscope.itapps.ManyInstancesApp$Session";
    ChildJvm.Result r =
        new ChildJvm(javaHome())
            .jvmArg("-Xmx64m") // per-instance state for a million instances would not fit
            .agent("monitor=" + session + ",instances=10,file=" + file)
            .run("dev.gilscope.itapps.ManyInstancesApp", "500000", "1000");
    assertThat(r.exitCode).as(r.toString()).isZero();
    assertThat(r.stderr).as(r.toString()).doesNotContain("gilscope:");
    Recorded rec = new Recorded(file);
    assertAgentHealthy(rec);

    // the class's totals are exact: tracked instances plus the other instances
    assertThat(
            rec.sum(GilscopeEvents.MONITOR_STATISTICS, n -> n.startsWith(session), "acquisitions"))
        .isEqualTo(r.expected("many.classAcquisitions"));
    // and so are its reentrant entries and waits, on instances that are not tracked
    assertThat(
            rec.sum(
                GilscopeEvents.MONITOR_STATISTICS, n -> n.startsWith(session), "reentrantEntries"))
        .isEqualTo(r.expected("many.classReentrant"))
        .isPositive();
    assertThat(rec.sum(GilscopeEvents.MONITOR_STATISTICS, n -> n.startsWith(session), "waits"))
        .isEqualTo(r.expected("many.classWaits"))
        .isPositive();
    String others = session + " (other instances)";
    assertThat(rec.of(GilscopeEvents.MONITOR_STATISTICS, others))
        .isNotEmpty()
        .allMatch(e -> e.getString(GilscopeFields.MONITOR_KIND).equals("instances"));

    // the shared instance is a monitor of its own, tracked since its first contention
    String shared = r.expectations().get("many.sharedName");
    List<RecordedEvent> sharedStats = rec.of(GilscopeEvents.MONITOR_STATISTICS, shared);
    assertThat(sharedStats).isNotEmpty().allMatch(e -> e.getLong(GilscopeFields.TRACKED_SINCE) > 0);
    assertThat(rec.stat(shared, "contendedAcquisitions")).isPositive();
    assertThat(rec.stat(shared, "acquisitions"))
        .isPositive()
        .isLessThanOrEqualTo(r.expected("many.sharedAcquisitions"));

    // bounded: at most instances= tracked instances, a recording of a few hundred KB
    long monitors =
        rec.of(GilscopeEvents.MONITOR_STATISTICS, n -> n.startsWith(session)).stream()
            .map(e -> e.getLong(GilscopeFields.MONITOR_ID))
            .distinct()
            .count();
    assertThat(monitors).isLessThanOrEqualTo(10 + 1);
    assertThat(Files.size(file)).isLessThan(2L << 20);
    assertThat(r.expected("many.peakRssKb")).isLessThan(256L << 10);
  }

  @Test
  void monitorSitesOfAClassMonitorCompileWithC1() throws Exception {
    // C1 gives up a method whose catch-any handler covers a call of its own ("exception handler
    // covers itself"): the method then runs interpreted until C2 takes it, for seconds when JFR's
    // start-up fills the compile queue. -Xbatch: each compilation ends before the call returns.
    String session = "dev.gilscope.itapps.ManyInstancesApp$Session";
    ChildJvm.Result r =
        new ChildJvm(javaHome())
            .jvmArg("-XX:TieredStopAtLevel=1")
            .jvmArg("-Xbatch")
            .jvmArg("-XX:+PrintCompilation")
            .agent("monitor=" + session + ",instances=10")
            .run("dev.gilscope.itapps.ManyInstancesApp", "20000", "4");
    assertThat(r.exitCode).as(r.toString()).isZero();
    List<String> appCompiles =
        r.stdout
            .lines()
            .filter(l -> l.contains("dev.gilscope.itapps.ManyInstancesApp"))
            .collect(Collectors.toList());
    // a block, nested blocks on two instances, a wrapped synchronized method, and one with a block
    // on its own instance (the wrapper must not lock this a second time in HotSpot's eyes). C1
    // refuses lockNewReentrant with or without the agent: javac's nested synchronized (s) blocks
    // lock one reference twice.
    Predicate<String> skipped = l -> l.contains("COMPILE SKIPPED");
    for (String method :
        List.of(
            "ManyInstancesApp::lockNew ",
            "ManyInstancesApp::lockTwoNew ",
            "ManyInstancesApp::lockShared ",
            "ManyInstancesApp$Session::touch ",
            "ManyInstancesApp$Session::touchAgain ")) {
      assertThat(appCompiles)
          .as(method)
          .anyMatch(l -> l.contains(method))
          .noneMatch(l -> l.contains(method) && skipped.test(l));
    }
  }

  static void assertExactGilTotals(ChildJvm.Result r, Recorded rec) {
    assertThat(rec.stat(GIL, "acquisitions")).isEqualTo(r.expected("gil.acquisitions"));
    assertThat(rec.stat(GIL, "reentrantEntries")).isEqualTo(r.expected("gil.reentrant"));
    assertThat(rec.stat(GIL, "waits")).isEqualTo(r.expected("gil.waits"));
    assertThat(rec.stat(GIL, "notifies")).isEqualTo(r.expected("gil.notifies"));
  }

  static void assertAgentHealthy(Recorded rec) {
    List<RecordedEvent> status = rec.of(GilscopeEvents.AGENT_STATUS);
    assertThat(status).isNotEmpty();
    assertThat(status).allMatch(e -> e.getLong(GilscopeFields.SUPPRESSED_ERRORS) == 0);
    assertThat(status).allMatch(e -> e.getInt(GilscopeFields.SKIPPED_CLASSES) == 0);
  }

  static RecordedEvent only(List<RecordedEvent> events, String threadName) {
    List<RecordedEvent> mine =
        events.stream()
            .filter(e -> e.getThread() != null && threadName.equals(e.getThread().getJavaName()))
            .collect(Collectors.toList());
    assertThat(mine).hasSize(1);
    return mine.get(0);
  }

  static boolean exists(Path p) {
    return Files.exists(p);
  }
}

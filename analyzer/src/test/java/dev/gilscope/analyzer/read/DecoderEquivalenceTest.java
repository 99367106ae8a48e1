package dev.gilscope.analyzer.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.gilscope.analyzer.detect.Detectors;
import dev.gilscope.analyzer.model.AnalysisResult;
import dev.gilscope.analyzer.report.JsonReport;
import dev.gilscope.analyzer.testing.FakeAgentEvents;
import dev.gilscope.contract.GilscopeEvents;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import jdk.jfr.Recording;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The correctness gate of gilscope's chunk decoder: on real recordings made here (agent-shaped
 * events of every type, the JDK's own lock events, several chunks, read by one and by two threads)
 * the analysis read by the decoder is identical, JSON report for JSON report, to the analysis read
 * by the JDK's EventStream; a file the decoder does not understand is read by the JDK.
 */
class DecoderEquivalenceTest {
  @TempDir static Path dir;
  private static Path agentShaped;
  private static Path jdkOnly;
  private static Path multiChunk;

  @BeforeAll
  static void record() throws Exception {
    agentShaped = recordAgentShaped(dir.resolve("agent.jfr"));
    jdkOnly = recordJdkEvents(dir.resolve("jdk.jfr"));
    multiChunk = recordMultiChunk(dir.resolve("chunks.jfr"));
  }

  @Test
  void agentShapedEventsReadTheSame() throws Exception {
    assertSameAnalysis(agentShaped, 1);
  }

  @Test
  void jdkLockEventsReadTheSame() throws Exception {
    assertSameAnalysis(jdkOnly, 1);
  }

  @Test
  void severalChunksReadTheSameByOneAndTwoThreads() throws Exception {
    assertThat(ChunkIndex.scan(multiChunk).chunks().size()).isGreaterThan(2);
    assertSameAnalysis(multiChunk, 1);
    assertSameAnalysis(multiChunk, 2);
  }

  @Test
  void concatenatedRecordingsReadTheSame() throws Exception {
    Path both = dir.resolve("both.jfr");
    Files.write(both, Files.readAllBytes(agentShaped));
    Files.write(both, Files.readAllBytes(jdkOnly), StandardOpenOption.APPEND);
    assertSameAnalysis(both, 1);
    assertSameAnalysis(both, 2);
  }

  @Test
  void whatTheDecoderDoesNotUnderstandIsReadByTheJdk() throws Exception {
    Path copy = dir.resolve("uncompressed-flag.jfr");
    Files.copy(agentShaped, copy);
    try (RandomAccessFile f = new RandomAccessFile(copy.toFile(), "rw")) {
      f.seek(64); // features: clear "compressed integers", which the JDK's reader ignores
      int features = f.readInt();
      f.seek(64);
      f.writeInt(features & ~1);
    }
    RecordingReader auto = reader(1, RecordingReader.Parser.AUTO);
    JsonNode fallback = analyse(auto, copy);
    assertThat(auto.parserUsed()).startsWith("jdk").contains("integers not compressed");
    JsonNode jdk = analyse(reader(1, RecordingReader.Parser.JDK), copy);
    assertThat(fallback).isEqualTo(jdk);
  }

  private static void assertSameAnalysis(Path file, int threads) throws Exception {
    RecordingReader auto = reader(threads, RecordingReader.Parser.AUTO);
    JsonNode decoded = analyse(auto, file);
    assertThat(auto.parserUsed()).isEqualTo("gilscope");
    JsonNode jdk = analyse(reader(threads, RecordingReader.Parser.JDK), file);
    assertThat(decoded.toPrettyString()).isEqualTo(jdk.toPrettyString());
    assertThat(decoded.get("monitors").size()).isPositive();
    // chunks memory-mapped instead of copied into the heap: the same
    RecordingReader mapped = reader(threads, RecordingReader.Parser.AUTO).copyChunksUpTo(0);
    assertThat(analyse(mapped, file).toPrettyString()).isEqualTo(jdk.toPrettyString());
    assertThat(mapped.parserUsed()).isEqualTo("gilscope");
  }

  private static RecordingReader reader(int threads, RecordingReader.Parser parser) {
    return new RecordingReader(threads, RecordingReader.DEFAULT_WINDOW_NANOS, null, parser)
        .parallelFrom(0);
  }

  private static JsonNode analyse(RecordingReader reader, Path file) throws Exception {
    RecordingReader.ReadResult read = reader.read(file);
    Detectors.Diagnosis d = Detectors.diagnose(Detectors.all(), read.monitors(), read.recording());
    String json =
        JsonReport.toJson(
            new AnalysisResult(read.recording(), read.monitors(), d.findings(), d.notes()));
    JsonNode tree = new ObjectMapper().readTree(json);
    // gilscope's JSON writer writes what Jackson's pretty printer writes for the same tree
    assertThat(json)
        .isEqualTo(
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(tree));
    return tree;
  }

  // ---- recordings --------------------------------------------------------------------------

  private static Path recordAgentShaped(Path file) throws Exception {
    try (Recording r = new Recording()) {
      for (String e :
          List.of(
              GilscopeEvents.MONITOR_STATISTICS,
              GilscopeEvents.THREAD_MONITOR_STATISTICS,
              GilscopeEvents.MONITOR_ACQUIRE,
              GilscopeEvents.MONITOR_HOLD,
              GilscopeEvents.MONITOR_WAIT,
              GilscopeEvents.MONITOR_NOTIFY,
              GilscopeEvents.AGENT_STATUS)) {
        r.enable(e).withoutStackTrace();
      }
      r.enable("jdk.CPUInformation");
      r.enable("jdk.JVMInformation");
      r.start();
      Thread ended = new Thread(() -> {}, "ended-thread");
      ended.start();
      ended.join();
      Thread owner = new Thread(() -> LockSupport.parkNanos(200_000_000L), "owner \u00e9\u4e2d");
      owner.start();
      Runnable lambda = () -> {};
      String[] names = {
        "com.acme.Interp#GIL",
        "short",
        "x".repeat(300) + "#long",
        "caf\u00e9 \u4e2d\u6587#lock",
        "",
      };
      for (int period = 0; period < 12; period++) {
        for (int m = 0; m < names.length; m++) {
          String name = names[m];
          Class<?> type = m == 1 ? lambda.getClass() : DecoderEquivalenceTest.class;
          for (int i = 0; i < 40; i++) {
            FakeAgentEvents.MonitorAcquire a = new FakeAgentEvents.MonitorAcquire();
            a.begin();
            set(a, m, name, type);
            a.sequence = i;
            a.contended = i % 3 == 0;
            a.previousOwner = i % 2 == 0 ? owner : null;
            a.lastReleaser = ended;
            a.previousOwnerName = a.previousOwner == null ? null : owner.getName();
            a.lastReleaserName = ended.getName();
            a.tryLock = i % 7 == 0;
            a.waitersAtRequest = -i;
            spin(i * 1_000L);
            a.commit();
            FakeAgentEvents.MonitorHold h = new FakeAgentEvents.MonitorHold();
            h.begin();
            set(h, m, name, type);
            h.sequence = i;
            h.waitersAtRelease = i % 3;
            h.endedByWait = i % 11 == 0;
            spin(i * 500L);
            h.commit();
          }
          for (int i = 0; i < 6; i++) {
            FakeAgentEvents.MonitorWait w = new FakeAgentEvents.MonitorWait();
            w.begin();
            set(w, m, name, type);
            w.timeout = 1_000_000;
            w.timedOut = i % 2 == 0;
            w.notifier = i == 5 ? owner : null;
            w.notifierName = i == 5 ? owner.getName() : null;
            spin(20_000);
            w.commit();
          }
          FakeAgentEvents.MonitorNotify n = new FakeAgentEvents.MonitorNotify();
          set(n, m, name, type);
          n.all = true;
          n.waiters = 3;
          n.commit();
          long periodStart = System.currentTimeMillis() - 100;
          FakeAgentEvents.MonitorStatistics s = new FakeAgentEvents.MonitorStatistics();
          set(s, m, name, type);
          s.periodStart = periodStart;
          s.acquisitions = 40 + m;
          s.contendedAcquisitions = 14;
          s.handoffs = 7;
          s.barging = period;
          s.passOvers = 3;
          s.waits = 6;
          s.timedOutWaits = 3;
          s.notifies = 1;
          s.timedHolds = 40;
          s.totalHold = 40 * 10_000L;
          s.maxHold = 20_000;
          s.timedWaits = 14;
          s.totalWait = 14 * 20_000L;
          s.maxWait = 40_000;
          s.maxQueueLength = 2;
          // the default detail's sampled strata, so the scaled utilization path is read too
          s.trackedSince = m == 4 ? periodStart - 50 : 0;
          s.sampledHolds = 4;
          s.sampledLongHolds = period % 2;
          s.sampledLongHold = s.sampledLongHolds * 1_500_000L;
          s.sampledHold = 3 * 8_000L + s.sampledLongHold;
          s.timedGaps = 18;
          s.sampledGaps = 4;
          s.sampledLongGaps = period % 3 == 0 ? 1 : 0;
          s.sampledLongGap = s.sampledLongGaps * 2_000_000L;
          s.sampledGap = 3 * 50_000L + s.sampledLongGap;
          s.totalGap = 14 * 30_000L + s.sampledGap;
          s.timedEntries = 4;
          s.longEntries = period == 5 ? 1 : 0;
          s.longEntry = s.longEntries * 1_200_000L;
          s.totalEntry = 3 * 300L + s.longEntry;
          s.commit();
          for (Thread t : new Thread[] {Thread.currentThread(), owner, ended}) {
            FakeAgentEvents.ThreadMonitorStatistics ts =
                new FakeAgentEvents.ThreadMonitorStatistics();
            set(ts, m, name, type);
            ts.periodStart = periodStart;
            ts.thread = t;
            ts.threadName = t == ended ? null : t.getName();
            ts.javaThreadId = t.getId();
            ts.requests = 20;
            ts.acquisitions = 13 + m;
            ts.contendedAcquisitions = 5;
            ts.passOvers = 1;
            ts.timedHolds = 13;
            ts.totalHold = 13 * 10_000L;
            ts.maxHold = 20_000;
            ts.totalWait = 5 * 20_000L;
            ts.maxWait = 40_000;
            ts.waits = 2;
            ts.totalWaitInWait = 40_000;
            ts.commit();
          }
        }
        FakeAgentEvents.AgentStatus st = new FakeAgentEvents.AgentStatus();
        st.detail = "contended";
        st.trackedMonitors = names.length;
        st.suppressedErrors = period;
        st.agentVersion = "0.1.0-test-\u00e9";
        st.options = "monitor=com.acme.Interp#GIL,file=x.jfr";
        st.instrumentedClasses = 3;
        st.skippedClasses = 0;
        st.targets = "monitor=com.acme.Interp#GIL: seen";
        st.commit();
      }
      owner.join();
      r.stop();
      r.dump(file);
    }
    return file;
  }

  private static Path recordJdkEvents(Path file) throws Exception {
    try (Recording r = new Recording()) {
      for (String e : List.of("jdk.JavaMonitorEnter", "jdk.JavaMonitorWait", "jdk.ThreadPark")) {
        r.enable(e).withThreshold(Duration.ZERO).withoutStackTrace();
      }
      r.enable("jdk.ThreadCPULoad").withPeriod(Duration.ofMillis(10));
      r.enable("jdk.CPUInformation");
      r.enable("jdk.JVMInformation");
      r.start();
      contend();
      r.stop();
      r.dump(file);
    }
    return file;
  }

  private static Path recordMultiChunk(Path file) throws Exception {
    try (Recording r = new Recording()) {
      r.enable("jdk.ThreadPark").withThreshold(Duration.ZERO).withoutStackTrace();
      r.enable("jdk.JavaMonitorEnter").withThreshold(Duration.ZERO).withoutStackTrace();
      r.enable(GilscopeEvents.MONITOR_ACQUIRE).withoutStackTrace();
      r.enable(GilscopeEvents.MONITOR_HOLD).withoutStackTrace();
      r.enable("jdk.CPUInformation");
      r.setToDisk(true);
      r.start();
      Object blocker = new Object();
      for (int chunk = 0; chunk < 4; chunk++) {
        for (int i = 0; i < 3_000; i++) {
          LockSupport.parkNanos(blocker, 1);
          FakeAgentEvents.MonitorAcquire a = new FakeAgentEvents.MonitorAcquire();
          a.begin();
          set(a, chunk % 2, "multi#" + (chunk % 2), Object.class);
          a.contended = true;
          a.previousOwner = Thread.currentThread();
          a.sequence = i;
          a.commit();
          FakeAgentEvents.MonitorHold h = new FakeAgentEvents.MonitorHold();
          h.begin();
          set(h, chunk % 2, "multi#" + (chunk % 2), Object.class);
          h.commit();
        }
        contend();
        try (Recording rotate = new Recording()) { // starting a recording starts a new chunk
          rotate.start();
          rotate.stop();
        }
      }
      r.stop();
      r.dump(file);
    }
    return file;
  }

  private static final Object MONITOR = new Object();

  /** Contended synchronized, ReentrantLock, Condition.await and Object.wait on 3 threads. */
  private static void contend() {
    ReentrantLock lock = new ReentrantLock();
    Condition condition = lock.newCondition();
    List<Thread> threads = new ArrayList<>();
    CountDownLatch start = new CountDownLatch(1);
    for (int i = 0; i < 3; i++) {
      Thread t =
          new Thread(
              () -> {
                await(start);
                for (int j = 0; j < 30; j++) {
                  synchronized (MONITOR) {
                    spin(50_000);
                    if (j % 10 == 0) {
                      waitOn(MONITOR);
                    }
                  }
                  lock.lock();
                  try {
                    spin(50_000);
                    if (j % 10 == 0) {
                      condition.await(100, TimeUnit.MICROSECONDS);
                    }
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  } finally {
                    lock.unlock();
                  }
                }
              },
              "contender-" + i);
      threads.add(t);
      t.start();
    }
    start.countDown();
    for (Thread t : threads) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void waitOn(Object monitor) {
    try {
      monitor.wait(0, 100_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void spin(long nanos) {
    long until = System.nanoTime() + nanos;
    while (System.nanoTime() < until) {
      Thread.onSpinWait();
    }
  }

  // ---- agent-shaped events (the event contract's FakeAgentEvents), all field kinds -----

  /** Names the monitor; events that carry its class get a class and, by id, either kind. */
  private static void set(FakeAgentEvents.MonitorIdEvent e, long id, String name, Class<?> type) {
    if (e instanceof FakeAgentEvents.MonitorEvent withClass) {
      String kind = id % 2 == 0 ? GilscopeEvents.KIND_MONITOR : GilscopeEvents.KIND_LOCK;
      withClass.monitor(id, name, type, kind);
    } else {
      e.monitor(id, name);
    }
  }
}

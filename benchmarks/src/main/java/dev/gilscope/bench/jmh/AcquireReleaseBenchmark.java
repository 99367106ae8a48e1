package dev.gilscope.bench.jmh;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What one acquisition of a monitor costs, with and without the gilscope agent.
 *
 * <p>An uncontended {@code synchronized} enter + exit is a compare-and-swap and a store, 6-10 ns on
 * the measurement machine. The agent adds its probe to every {@code synchronized} block on a
 * tracked monitor; whatever the probe does on the uncontended fast path shows up here, one for one.
 * {@link #tracked} takes the tracked monitor, {@link #untracked} one the agent does not track
 * (instrumentation must leave it alone), and {@link #baseline} does the same work with no lock, so
 * that the lock's own cost is {@code tracked - baseline}.
 *
 * <p>So far all the methods run alone, on one thread. The {@code contended*} groups put two threads
 * on one monitor (JMH's {@code @Group}/{@code @GroupThreads}): every acquisition may find the
 * monitor held, spin, park and be handed off, which is where the agent takes timestamps and emits
 * events in its default mode. Their score is the time per operation of each thread.
 *
 * <p>The benchmark itself knows nothing of the agent: {@link AcquireReleaseComparison} runs it in
 * forks with no agent, with the agent in default mode and with {@code detail=all}, and prints the
 * three side by side.
 *
 * <p>HOW TO RUN THIS TEST:
 *
 * <pre>
 * $ java -cp benchmarks/target/gilscope-benchmarks.jar \
 *       dev.gilscope.bench.jmh.AcquireReleaseComparison
 * $ java -jar benchmarks/target/gilscope-benchmarks.jar AcquireReleaseBenchmark \
 *       -jvmArgsAppend "-javaagent:agent/target/gilscope-agent.jar=monitor=dev.gilscope.bench.jmh.BenchMonitors#GIL,file=jmh.jfr"
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class AcquireReleaseBenchmark {
  /** The critical section's work: per thread, so no two threads ever share it. */
  private long counter;

  /** The lock-free reference: the same increment without any monitor. */
  @Benchmark
  public long baseline() {
    return ++counter;
  }

  /** Uncontended acquire + release of the monitor the agent tracks. */
  @Benchmark
  public long tracked() {
    synchronized (BenchMonitors.GIL) {
      return ++counter;
    }
  }

  /** Uncontended acquire + release of a monitor the agent does not track. */
  @Benchmark
  public long untracked() {
    synchronized (BenchMonitors.UNTRACKED) {
      return ++counter;
    }
  }

  /** State shared by the two threads of a contended group. */
  @State(Scope.Group)
  public static class SharedCounter {
    long value;
  }

  /** Two threads hammering the tracked monitor. */
  @Benchmark
  @Group("contendedTracked")
  @GroupThreads(2)
  public long contendedTracked(SharedCounter shared) {
    synchronized (BenchMonitors.GIL) {
      return ++shared.value;
    }
  }

  /** Two threads hammering an untracked monitor: the reference for {@link #contendedTracked}. */
  @Benchmark
  @Group("contendedUntracked")
  @GroupThreads(2)
  public long contendedUntracked(SharedCounter shared) {
    synchronized (BenchMonitors.UNTRACKED) {
      return ++shared.value;
    }
  }
}

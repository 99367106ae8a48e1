package dev.gilscope.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/** new-gil, io-outside, starvation, kv-store and session-table, each with --quick. */
class ServiceScenariosTest {

  @Test
  void newGilMakesTheIoThreadWaitAnIntervalAfterEveryRoundTrip() {
    ScenarioRun run = ScenarioRun.scenario("new-gil", "--quick");
    assertThat(run.out())
        .contains("agent options: monitor=dev.gilscope.demo.newgil.NewGil#GIL")
        .contains("I/O thread alone", "I/O thread + 1 CPU-bound");
    // The convoy: each reply waits for most of a 5 ms switch interval on top of its round trip.
    // Only lower bounds, and additive ones: a loaded machine makes every wait longer (a ratio to
    // the I/O-alone run would shrink when the alone run is slowed too).
    assertThat(run.number("with_cpu_p50_us") - run.number("alone_p50_us")).isGreaterThan(4_000);
    assertThat(run.number("with_cpu_p99_us")).isGreaterThan(4_000);
  }

  @Test
  void ioOutsideKeepsTheIoThreadsResponseTime() {
    ScenarioRun run = ScenarioRun.scenario("io-outside", "--quick");
    assertThat(run.out())
        .contains("agent options: lock=dev.gilscope.demo.iooutside.IoOutsideWorkload#GIL");
    // No convoy: the median reply does not sit out a 5 ms switch interval behind the CPU-bound
    // thread. Additive against the I/O-alone run, so that a loaded machine, which slows both
    // runs, does not turn it red.
    assertThat(run.number("with_cpu_p50_us") - run.number("alone_p50_us")).isLessThan(5_000);
  }

  private static ScenarioRun starvation;

  /** One starvation run shared by the tests that read it. */
  private static synchronized ScenarioRun starvation() {
    if (starvation == null) {
      starvation = ScenarioRun.scenario("starvation", "--quick");
    }
    return starvation;
  }

  @Test
  void starvationLeavesThePoliteThreadFarBelowItsFairShare() {
    ScenarioRun run = starvation();
    assertThat(run.out())
        .contains("agent options: lock=dev.gilscope.demo.starvation.StarvationWorker#GIL")
        .contains("greedy-1", "greedy-2", "starved-1");
    // Fair share is 1/3; the starved thread gets a few percent (margin for a noisy machine), and
    // every greedy thread gets more than it: the lock's unfairness, which load does not change.
    assertThat(run.number("starved_share")).isLessThan(run.number("fair_share") / 3);
    assertThat(run.number("min_greedy_share")).isGreaterThan(run.number("starved_share"));
  }

  /**
   * The waits compared only on idle cores: on a busy machine the greedy threads are preempted while
   * they spin, and their own waits grow (measured at load 11: 0.68 ms against the starved thread's
   * 1.7 ms).
   */
  @Test
  void theStarvedThreadWaitsLongerThanTheGreedyOnesOnIdleCores() {
    ScenarioRun run = starvation();
    assumeTrue(run.machineWasQuiet(), "the machine was busy: waits not compared");
    assertThat(run.number("starved_mean_wait_us"))
        .isGreaterThan(3 * run.number("greedy_mean_wait_us"));
  }

  @Test
  void kvStoreHoldsItsOneLockMostOfTheTime() {
    ScenarioRun run = ScenarioRun.scenario("kv-store", "--quick");
    assertThat(run.out())
        .contains("agent options: monitor=dev.gilscope.demo.kvstore.KvStore")
        .contains("client-1", "client-4");
    // The serialization signal: one client spends most of its time inside the store's lock
    // (84-94 % on 2 cores), so more clients cannot add speed. With 4 clients on 2 cores each
    // hand-over leaves the lock free for a moment (65-78 % quiet, 59 % once in a busy CI run), so
    // that figure is held to a lower bar, and only on a quiet machine. (1 vs 4 clients throughput
    // is printed but not asserted: on a shared machine two sub-second slices can differ by 2x in
    // speed, which no margin makes robust.)
    assertThat(run.number("one_client_lock_held_fraction")).isGreaterThan(0.6);
    if (run.machineWasQuiet()) {
      assertThat(run.number("lock_held_fraction")).isGreaterThan(0.5);
    }
    assertThat(run.number("max_us")).isGreaterThan(10 * run.number("p50_us"));
  }

  @Test
  void sessionTableHoldsTheHashtableMostOfTheTime() {
    ScenarioRun run = ScenarioRun.scenario("session-table", "--quick");
    assertThat(run.out())
        .contains("agent options: monitor=java.util.Hashtable")
        .contains("1 worker", "4 workers");
    // how long the table is held is timing (the ground truth is DemoScenariosIT's recording);
    // here: every request updated a session, and every session lives in the one table
    assertThat(run.number("workers")).isEqualTo(4);
    assertThat(run.number("sessions")).isPositive().isLessThanOrEqualTo(1000);
    assertThat(run.number("table_held_fraction")).isPositive().isLessThanOrEqualTo(1);
  }
}

package dev.gilscope.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** new-gil, io-outside, starvation, kv-store and session-table, each with --quick. */
class ServiceScenariosTest {

  @Test
  void newGilMakesTheIoThreadWaitAnIntervalAfterEveryRoundTrip() {
    ScenarioRun run = ScenarioRun.scenario("new-gil", "--quick");
    assertThat(run.out())
        .contains("agent options: monitor=dev.gilscope.demo.newgil.NewGil#GIL")
        .contains("I/O thread alone", "I/O thread + 1 CPU-bound");
    // The convoy: each reply waits for a 5 ms interval; alone a round trip takes ~0.6 ms.
    assertThat(run.number("p50_increase")).isGreaterThan(4);
    // The tail sits out at least one whole interval; the ratio to the I/O-alone tail is looser
    // because one preempted round trip on a shared 2-core machine moves a 300-request p99.
    assertThat(run.number("with_cpu_p99_us")).isGreaterThan(4_000);
    assertThat(run.number("p99_increase")).isGreaterThan(1.5);
    assertThat(run.number("with_cpu_p50_us")).isGreaterThan(4_000);
  }

  @Test
  void ioOutsideKeepsTheIoThreadsResponseTime() {
    ScenarioRun run = ScenarioRun.scenario("io-outside", "--quick");
    assertThat(run.out())
        .contains("agent options: lock=dev.gilscope.demo.iooutside.IoOutsideWorkload#GIL");
    assertThat(run.number("p50_increase")).isLessThan(3);
    assertThat(run.number("with_cpu_p50_us")).isLessThan(3_000);
  }

  @Test
  void starvationLeavesThePoliteThreadFarBelowItsFairShare() {
    ScenarioRun run = ScenarioRun.scenario("starvation", "--quick");
    assertThat(run.out())
        .contains("agent options: lock=dev.gilscope.demo.starvation.StarvationWorker#GIL")
        .contains("greedy-1", "greedy-2", "starved-1");
    // Fair share is 1/3; the starved thread gets a few percent (margin for a noisy machine).
    assertThat(run.number("starved_share")).isLessThan(run.number("fair_share") / 3);
    assertThat(run.number("starved_mean_wait_us"))
        .isGreaterThan(3 * run.number("greedy_mean_wait_us"));
  }

  @Test
  void kvStoreHoldsItsOneLockMostOfTheTime() {
    ScenarioRun run = ScenarioRun.scenario("kv-store", "--quick");
    assertThat(run.out())
        .contains("agent options: monitor=dev.gilscope.demo.kvstore.KvStore")
        .contains("client-1", "client-4");
    // The serialization signal: the store's lock is held most of the wall time while 4 clients
    // want it. (1 vs 4 clients throughput is printed but not asserted: on a shared machine two
    // sub-second slices can differ by 2x in speed, which no margin makes robust.)
    assertThat(run.number("lock_held_fraction")).isGreaterThan(0.6);
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

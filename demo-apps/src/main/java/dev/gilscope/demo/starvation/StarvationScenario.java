package dev.gilscope.demo.starvation;

import dev.gilscope.demo.OptionSpec;
import dev.gilscope.demo.ResultLine;
import dev.gilscope.demo.Scenario;
import dev.gilscope.demo.ScenarioOptions;
import dev.gilscope.demo.Table;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/*
 * Seed 000: unfair wake-ups and starvation.
 *
 * The new GIL's second drawback in the seed: the thread that the condition variable wakes is not
 * necessarily the one that most needs the lock, and nothing stops another thread from taking the
 * lock first. Some threads keep winning; one keeps losing.
 *
 * Here: greedy-1 .. greedy-N barge (spin while the lock is taken, tryLock the instant it is
 * free, re-request it at once after releasing); starved-1 pauses 100 us between requests (it waits
 * for its next message) and then asks politely with lock(), parking when the lock is taken. Every release unparks starved-1, but a greedy spinner already owns the
 * lock by the time starved-1 runs on a core: it parks again. The table shows each thread's share
 * of the acquisitions (fair share: 1 / threads) and its longest wait.
 *
 * Expected verdict: STARVATION on StarvationWorker#GIL (ReentrantLock) with starved-1 the victim
 * and the greedy threads the causes (share of acquisitions far below its share of requests,
 * waits far longer than its peers', long runs of pass-overs).
 */

/** Unfair wake-ups: barging greedy threads starve a parked one. */
public final class StarvationScenario implements Scenario {
  @Override
  public String name() {
    return "starvation";
  }

  @Override
  public String summary() {
    return "unfair wake-ups: barging greedy threads keep winning, a parked thread keeps losing";
  }

  @Override
  public String seed() {
    return "the new GIL's unfair wake-ups: the woken thread is not the one that gets the lock; some threads starve";
  }

  @Override
  public String expectedFinding() {
    return "STARVATION on StarvationWorker#GIL: victim starved-1, causes greedy-1, greedy-2";
  }

  @Override
  public String agentOptions() {
    return "lock=" + StarvationWorker.class.getName() + "#GIL";
  }

  @Override
  public List<OptionSpec> options() {
    return List.of(
        OptionSpec.threads(2, "greedy (barging) threads beside the one starved thread"),
        OptionSpec.seconds(3, 1, "wall time of the run"),
        new OptionSpec(
            "hold-instructions", "I", "2000", "2000", "interpreter instructions per lock hold"),
        new OptionSpec(
            "pause-us", "US", "100", "100", "starved-1's pause between requests (microseconds)"),
        OptionSpec.quick());
  }

  @Override
  public void run(ScenarioOptions options, PrintStream out) throws InterruptedException {
    int greedyThreads = Math.max(1, options.intValue("threads"));
    long durationNanos = options.nanosOfSeconds("seconds");
    int hold = Math.max(1, options.intValue("hold-instructions"));
    out.printf(
        "starvation: %d greedy thread(s) and 1 starved thread, %.1f s, %d instructions per hold, %d cores%n",
        greedyThreads, durationNanos / 1e9, hold, Runtime.getRuntime().availableProcessors());
    out.println("agent options: " + agentOptions());

    StarvationRace race = new StarvationRace(greedyThreads + 1);
    List<StarvationWorker> workers = new ArrayList<>();
    for (int i = 1; i <= greedyThreads; i++) {
      workers.add(new StarvationWorker("greedy-" + i, true, hold, 0, race));
    }
    long pauseNanos = options.longValue("pause-us") * 1000;
    workers.add(new StarvationWorker("starved-1", false, hold, pauseNanos, race));
    workers.forEach(Thread::start);
    long start = System.nanoTime();
    race.start();
    Thread.sleep(durationNanos / 1_000_000);
    race.stop();
    race.awaitFinished(); // the workers linger afterwards (see Lingering), so no join
    long end = System.nanoTime();

    long total = workers.stream().mapToLong(w -> w.acquisitions).sum();
    double fairShare = 1.0 / workers.size();
    Table table =
        new Table(
            "thread", "acquisitions", "share", "fair share", "mean wait us", "longest wait ms");
    StarvationWorker starved = workers.get(workers.size() - 1);
    double minGreedyShare = 1;
    for (StarvationWorker worker : workers) {
      double share = total == 0 ? 0 : (double) worker.acquisitions / total;
      if (worker.greedy()) {
        minGreedyShare = Math.min(minGreedyShare, share);
      }
      table.row(
          worker.getName(),
          worker.acquisitions,
          Table.percent(share),
          Table.percent(fairShare),
          worker.acquisitions == 0 ? "-" : String.format("%.1f", meanWaitMicros(worker)),
          Table.millis(worker.longestWaitNanos(end)));
    }
    out.println();
    table.print(out);
    double starvedShare = total == 0 ? 0 : (double) starved.acquisitions / total;
    out.println();
    out.printf(
        "starved-1 got %.2f%% of the acquisitions against a fair share of %.1f%% (%.0f acquisitions/s in all)%n",
        starvedShare * 100, fairShare * 100, total / ((end - start) / 1e9));
    out.println(
        new ResultLine(name())
            .put("threads", workers.size())
            .put("acquisitions", total)
            .put("fair_share", fairShare)
            .put("starved_share", starvedShare)
            .put("min_greedy_share", minGreedyShare)
            .put("starved_mean_wait_us", meanWaitMicros(starved))
            .put(
                "greedy_mean_wait_us",
                workers.stream()
                    .filter(StarvationWorker::greedy)
                    .mapToDouble(StarvationScenario::meanWaitMicros)
                    .max()
                    .orElse(0))
            .put("starved_longest_wait_ms", starved.longestWaitNanos(end) / 1e6)
            .put(
                "greedy_longest_wait_ms",
                workers.stream()
                        .filter(StarvationWorker::greedy)
                        .mapToLong(w -> w.longestWaitNanos(end))
                        .max()
                        .orElse(0)
                    / 1e6));
  }

  private static double meanWaitMicros(StarvationWorker worker) {
    return worker.acquisitions == 0 ? 0 : worker.totalWaitNanos / 1e3 / worker.acquisitions;
  }

  /*
   * HOW TO RUN:
   *   java -jar demo-apps/target/gilscope-demos.jar starvation [--threads 2] [--seconds 3]
   *   java -javaagent:agent/target/gilscope-agent.jar=lock=dev.gilscope.demo.starvation.StarvationWorker#GIL,file=starvation.jfr \
   *        -jar demo-apps/target/gilscope-demos.jar starvation
   *   java -jar analyzer/target/gilscope-analyzer.jar analyze starvation.jfr
   */
}

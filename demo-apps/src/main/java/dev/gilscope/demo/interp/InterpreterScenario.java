package dev.gilscope.demo.interp;

import dev.gilscope.demo.OptionSpec;
import dev.gilscope.demo.ResultLine;
import dev.gilscope.demo.Scenario;
import dev.gilscope.demo.ScenarioOptions;
import dev.gilscope.demo.Table;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The shared shape of the interpreter scenarios: the same CPU-bound program interpreted by one
 * thread, then by {@code --threads} threads, under the subclass's GIL discipline; prints both runs
 * side by side (throughput, GIL releases per second, handoff ratio, shares, longest gap) and a
 * per-thread table of the multi-threaded run.
 */
public abstract class InterpreterScenario implements Scenario {
  private static final long WARM_UP_NANOS = 300_000_000L;

  /** Makes worker {@code index} (1-based, named {@code interp-<index>}) for a race. */
  protected abstract InterpreterThread newWorker(Race race, int index, ScenarioOptions options);

  /** Options beyond the common ones; none by default. */
  protected List<OptionSpec> extraOptions() {
    return List.of();
  }

  /** Whether this scenario has a global lock whose handoffs the table should show. */
  protected boolean hasGlobalLock() {
    return true;
  }

  @Override
  public final List<OptionSpec> options() {
    List<OptionSpec> options = new ArrayList<>();
    options.add(OptionSpec.threads(2, "interpreter threads of the contended run"));
    options.add(OptionSpec.seconds(3, 1, "wall time of each run (1 thread, then N threads)"));
    options.add(
        new OptionSpec(
            "rounds",
            "R",
            "3",
            "3",
            "alternate the two runs in R slices each and keep each run's fastest slice"));
    options.add(
        new OptionSpec(
            "check-interval",
            "I",
            "100",
            "100",
            "instructions between two checks of the GIL (the old GIL's 100 ticks)"));
    options.addAll(extraOptions());
    options.add(OptionSpec.quick());
    return options;
  }

  @Override
  public final void run(ScenarioOptions options, PrintStream out) throws InterruptedException {
    int threads = Math.max(1, options.intValue("threads"));
    long durationNanos = options.nanosOfSeconds("seconds");
    int cores = Runtime.getRuntime().availableProcessors();
    out.printf(
        "%s: %d interpreter thread(s) vs 1, %.1f s each in %d alternating slices (fastest shown),"
            + " check interval %d instructions, %d cores%n",
        name(),
        threads,
        durationNanos / 1e9,
        options.intValue("rounds"),
        options.intValue("check-interval"),
        cores);
    out.println("agent options: " + agentOptions());

    Race.run(1, WARM_UP_NANOS, (race, i) -> newWorker(race, i, options));
    // Alternating short slices and keeping the fastest of each makes the comparison robust to a
    // shared machine whose speed drifts over seconds.
    int rounds = Math.max(1, options.intValue("rounds"));
    long sliceNanos = durationNanos / rounds;
    RaceResult single = null;
    RaceResult multi = null;
    for (int r = 0; r < rounds; r++) {
      single = faster(single, Race.run(1, sliceNanos, (race, i) -> newWorker(race, i, options)));
      multi =
          faster(multi, Race.run(threads, sliceNanos, (race, i) -> newWorker(race, i, options)));
    }

    out.println();
    Table runs =
        new Table(
            "run",
            "Minstr/s",
            "speed-up",
            "GIL releases/s",
            "handoff ratio",
            "lowest share",
            "longest gap ms");
    addRun(runs, "1 thread", single, single);
    addRun(runs, threads + " threads", multi, single);
    runs.print(out);

    out.println();
    Table perThread =
        new Table(
            "thread (" + threads + "-thread run)",
            "share of work",
            "acquisitions",
            "handoffs in",
            "longest gap ms");
    for (WorkerStats worker : multi.workers()) {
      perThread.row(
          worker.thread(),
          Table.percent(multi.shareOfInstructions(worker)),
          worker.acquisitions(),
          hasGlobalLock() ? Long.toString(worker.handoffsIn()) : "-",
          hasGlobalLock() ? Table.millis(worker.maxGapNanos()) : "-");
    }
    perThread.print(out);
    out.println();
    out.println(
        "(handoff ratio: handoffs per GIL release, i.e. how often a waiting thread really got the"
            + " GIL; longest gap: longest time a thread waited to get the GIL back)");
    ResultLine result =
        new ResultLine(name())
            .put("threads", threads)
            .put("cores", cores)
            .put("one_thread_minstr_per_s", single.megaInstructionsPerSecond())
            .put("threads_minstr_per_s", multi.megaInstructionsPerSecond())
            .put("speedup", multi.megaInstructionsPerSecond() / single.megaInstructionsPerSecond())
            .put("lowest_share", multi.lowestShare());
    if (hasGlobalLock()) {
      result
          .put("releases_per_s", multi.releasesPerSecond())
          .put("handoff_ratio", multi.handoffRatio())
          .put("longest_gap_ms", multi.longestGapNanos() / 1e6);
    }
    out.println(result);
  }

  private static RaceResult faster(RaceResult best, RaceResult candidate) {
    return best == null || candidate.megaInstructionsPerSecond() > best.megaInstructionsPerSecond()
        ? candidate
        : best;
  }

  private void addRun(Table table, String label, RaceResult run, RaceResult baseline) {
    boolean contended = hasGlobalLock() && run.workers().size() > 1;
    table.row(
        label,
        Table.fixed2(run.megaInstructionsPerSecond()),
        Table.fixed2(run.megaInstructionsPerSecond() / baseline.megaInstructionsPerSecond()) + "x",
        hasGlobalLock() ? String.format("%,.0f", run.releasesPerSecond()) : "-",
        contended ? Table.fixed2(run.handoffRatio()) : "-",
        Table.percent(run.lowestShare()),
        contended ? Table.millis(run.longestGapNanos()) : "-");
  }
}

package dev.gilscope.demo.fairgil;

import dev.gilscope.demo.OptionSpec;
import dev.gilscope.demo.ScenarioOptions;
import dev.gilscope.demo.interp.InterpreterScenario;
import dev.gilscope.demo.interp.InterpreterThread;
import dev.gilscope.demo.interp.Race;
import java.util.List;

/*
 * The fix for thrashing and starvation: a fair GIL with a switch interval.
 *
 * Seed 000's old GIL thrashes because the releaser re-takes the lock before the woken waiter
 * runs; the new GIL's unfair wake-ups starve some threads. A fair lock hands the GIL to the
 * thread that has waited longest (FIFO), and a switch interval (here 1 ms, the new GIL's idea)
 * keeps the handoffs few enough that they cost little against the time held.
 *
 * interp-1 .. interp-N interpret a CPU-bound program under FairGilInterpreter.GIL, a
 * ReentrantLock(true). A holder that has run its slice while someone is queued unlocks and
 * re-locks, queueing behind the waiter. Expect a handoff ratio of ~1.00 (every release with a
 * waiter is a handoff), even shares, and short longest gaps (about one slice). It is still a GIL:
 * N CPU-bound threads remain serialized (the fix for that is no-gil or processes).
 *
 * Expected verdict: no THRASHING and no STARVATION on FairGilInterpreter#GIL; SERIALIZATION may
 * remain (CPU-bound threads under any GIL are serialized).
 */

/** The fix: a fair (FIFO handoff) GIL with a switch interval. */
public final class FairGilScenario extends InterpreterScenario {
  @Override
  public String name() {
    return "fair-gil";
  }

  @Override
  public String summary() {
    return "fix: a fair ReentrantLock(true) GIL with a 1 ms slice; handoff ratio ~1, even shares";
  }

  @Override
  public String seed() {
    return "the new GIL's remedy: fair FIFO handoff and a switch interval instead of barging";
  }

  @Override
  public String expectedFinding() {
    return "no THRASHING, no STARVATION on FairGilInterpreter#GIL (SERIALIZATION may remain)";
  }

  @Override
  public String agentOptions() {
    return "lock=" + FairGilInterpreter.class.getName() + "#GIL";
  }

  @Override
  protected List<OptionSpec> extraOptions() {
    return List.of(
        new OptionSpec(
            "slice-us",
            "US",
            "1000",
            "1000",
            "microseconds a holder keeps the GIL when others wait"));
  }

  @Override
  protected InterpreterThread newWorker(Race race, int index, ScenarioOptions options) {
    return new FairGilInterpreter(
        "interp-" + index,
        race,
        options.intValue("check-interval"),
        options.longValue("slice-us") * 1000);
  }

  /*
   * HOW TO RUN:
   *   java -jar demo-apps/target/gilscope-demos.jar fair-gil [--threads 2] [--slice-us 1000]
   *   java -javaagent:agent/target/gilscope-agent.jar=lock=dev.gilscope.demo.fairgil.FairGilInterpreter#GIL,file=fair-gil.jfr \
   *        -jar demo-apps/target/gilscope-demos.jar fair-gil
   *   java -jar analyzer/target/gilscope-analyzer.jar analyze fair-gil.jfr
   */
}

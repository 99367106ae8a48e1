package dev.gilscope.demo.oldgil;

import dev.gilscope.demo.ScenarioOptions;
import dev.gilscope.demo.interp.InterpreterScenario;
import dev.gilscope.demo.interp.InterpreterThread;
import dev.gilscope.demo.interp.Race;

/*
 * Seed 000: the old GIL (Python < 3.2) and its 100-tick check.
 *
 * Every 100 "ticks" (bytecode instructions) the running thread releases the GIL and immediately
 * tries to take it again. On one core that is cheap. On several cores the waiting thread is woken
 * on another core, but by the time it runs the releaser has re-acquired the lock: the woken thread
 * fails, sleeps again, and this repeats thousands of times a second. GIL thrashing: wake-ups that
 * lead nowhere, and a two-thread run that is no faster (often slower) than one thread.
 *
 * Here: interp-1 .. interp-N interpret a CPU-bound MiniVm program, each holding
 * OldGilInterpreter.GIL (a plain monitor) for 100 instructions at a time. The table compares one
 * thread with N threads and shows the GIL's releases per second, the handoff ratio (how often a
 * release actually let the waiting thread in: far below 1 is thrashing) and each thread's share.
 *
 * Expected verdict: THRASHING (releases with waiters present, a high barging ratio, handoffs far
 * rarer than releases) and SERIALIZATION on OldGilInterpreter#GIL.
 */

/** Python 2's GIL: a monitor released and immediately re-taken every 100 instructions. */
public final class OldGilScenario extends InterpreterScenario {
  @Override
  public String name() {
    return "old-gil";
  }

  @Override
  public String summary() {
    return "Python < 3.2 GIL: release + immediate re-take every 100 instructions; thrashing";
  }

  @Override
  public String seed() {
    return "the old GIL's 100-tick check; woken waiters fail to get the lock (thrashing)";
  }

  @Override
  public String expectedFinding() {
    return "THRASHING and SERIALIZATION on OldGilInterpreter#GIL; N threads no faster than 1";
  }

  @Override
  public String agentOptions() {
    return "monitor=" + OldGilInterpreter.class.getName() + "#GIL";
  }

  @Override
  protected InterpreterThread newWorker(Race race, int index, ScenarioOptions options) {
    return new OldGilInterpreter("interp-" + index, race, options.intValue("check-interval"));
  }

  /*
   * HOW TO RUN:
   *   java -jar demo-apps/target/gilscope-demos.jar old-gil [--threads 2] [--seconds 3] [--check-interval 100]
   *   java -javaagent:agent/target/gilscope-agent.jar=$(java -jar demo-apps/target/gilscope-demos.jar agent-options old-gil),file=old-gil.jfr \
   *        -jar demo-apps/target/gilscope-demos.jar old-gil
   *   java -jar analyzer/target/gilscope-analyzer.jar analyze old-gil.jfr
   */
}

package dev.gilscope.demo.nogil;

import dev.gilscope.demo.ScenarioOptions;
import dev.gilscope.demo.interp.InterpreterScenario;
import dev.gilscope.demo.interp.InterpreterThread;
import dev.gilscope.demo.interp.Race;

/*
 * The control: no global interpreter lock at all.
 *
 * Seed 004 explains why CPython has a GIL (reference counts shared by every thread) and what it
 * costs (two CPU-bound threads are no faster than one). The alternative is fine-grained locking:
 * each thread locks only the state it owns. Here interp-1 .. interp-N interpret the same program
 * as old-gil, each locking its own InterpreterState every 100 instructions. Nothing is shared,
 * nothing waits: N threads scale with the cores the machine really gives them.
 *
 * Expected verdict: no finding on InterpreterState (uncontended monitors: no waits, no handoffs).
 */

/** The control: per-thread locks, no global lock; N threads scale with the cores. */
public final class NoGilScenario extends InterpreterScenario {
  @Override
  public String name() {
    return "no-gil";
  }

  @Override
  public String summary() {
    return "control: each interpreter locks only its own state (no global lock); threads scale";
  }

  @Override
  public String seed() {
    return "the countdown's counterfactual: without a global lock, CPU-bound threads use every core";
  }

  @Override
  public String expectedFinding() {
    return "no finding: per-thread monitors are never contended";
  }

  @Override
  public String agentOptions() {
    return "monitor=" + InterpreterState.class.getName();
  }

  @Override
  protected boolean hasGlobalLock() {
    return false;
  }

  @Override
  protected InterpreterThread newWorker(Race race, int index, ScenarioOptions options) {
    return new NoGilInterpreter("interp-" + index, race, options.intValue("check-interval"));
  }

  /*
   * HOW TO RUN:
   *   java -jar demo-apps/target/gilscope-demos.jar no-gil [--threads 2] [--seconds 3]
   *   java -javaagent:agent/target/gilscope-agent.jar=monitor=dev.gilscope.demo.nogil.InterpreterState,file=no-gil.jfr \
   *        -jar demo-apps/target/gilscope-demos.jar no-gil
   *   java -jar analyzer/target/gilscope-analyzer.jar analyze no-gil.jfr
   */
}

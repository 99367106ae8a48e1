package dev.gilscope.demo.jucgil;

import dev.gilscope.demo.ScenarioOptions;
import dev.gilscope.demo.interp.InterpreterScenario;
import dev.gilscope.demo.interp.InterpreterThread;
import dev.gilscope.demo.interp.Race;

/*
 * Seed 000's old GIL, built on java.util.concurrent instead of a monitor.
 *
 * The same experiment as old-gil: interp-1 .. interp-N interpret a CPU-bound program and release
 * the GIL every 100 instructions only to take it back at once. The GIL is a non-fair
 * ReentrantLock in a static field: unlock() unparks the queued waiter, and the releaser's next
 * lock() wins the race before the waiter is even running (barging, which a non-fair lock allows
 * by design). The waiter parks again: thrashing, through LockSupport.park instead of a monitor.
 *
 * Expected verdict: THRASHING and SERIALIZATION on JucGilInterpreter#GIL (ReentrantLock), the
 * same as old-gil: the lock's API changes nothing, its discipline does.
 */

/** The old GIL as a non-fair {@code ReentrantLock}: exercises the agent's {@code lock=}. */
public final class JucGilScenario extends InterpreterScenario {
  @Override
  public String name() {
    return "juc-gil";
  }

  @Override
  public String summary() {
    return "the old GIL as a non-fair ReentrantLock (lock=): barging and thrashing via park/unpark";
  }

  @Override
  public String seed() {
    return "the old GIL's 100-tick check, with a java.util.concurrent lock as the GIL";
  }

  @Override
  public String expectedFinding() {
    return "THRASHING and SERIALIZATION on JucGilInterpreter#GIL (ReentrantLock)";
  }

  @Override
  public String agentOptions() {
    return "lock=" + JucGilInterpreter.class.getName() + "#GIL";
  }

  @Override
  protected InterpreterThread newWorker(Race race, int index, ScenarioOptions options) {
    return new JucGilInterpreter("interp-" + index, race, options.intValue("check-interval"));
  }

  /*
   * HOW TO RUN:
   *   java -jar demo-apps/target/gilscope-demos.jar juc-gil [--threads 2] [--seconds 3]
   *   java -javaagent:agent/target/gilscope-agent.jar=lock=dev.gilscope.demo.jucgil.JucGilInterpreter#GIL,file=juc-gil.jfr \
   *        -jar demo-apps/target/gilscope-demos.jar juc-gil
   *   java -jar analyzer/target/gilscope-analyzer.jar analyze juc-gil.jfr
   */
}

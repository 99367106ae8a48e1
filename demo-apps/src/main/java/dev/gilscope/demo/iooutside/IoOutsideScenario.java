package dev.gilscope.demo.iooutside;

import dev.gilscope.demo.ScenarioOptions;
import dev.gilscope.demo.interp.IoScenario;
import dev.gilscope.demo.interp.IoWorkload;

/*
 * The fix for the convoy effect: do the I/O outside the global lock and need it only briefly.
 *
 * In new-gil the I/O-bound thread gives the GIL up around every call and must then wait a whole
 * switch interval behind the CPU-bound thread to use its reply. The cure the seed points to is to
 * keep I/O-bound work off the global lock: here io-bound-1 sends, receives, builds and uses its
 * messages on its own data without the GIL, and takes the GIL only to publish each reply (100
 * instructions). cpu-bound-1 holds the same GIL for 100 instructions at a time, with no drop
 * request and no switch interval, so no hold is longer than a few hundred nanoseconds.
 *
 * Expected verdict: no CONVOY (or a much milder one) on IoOutsideWorkload#GIL: the I/O thread's
 * p99 with the CPU-bound thread stays close to its p99 alone.
 */

/** The fix: I/O and message handling outside the GIL, a short publish step inside. */
public final class IoOutsideScenario extends IoScenario {
  @Override
  public String name() {
    return "io-outside";
  }

  @Override
  public String summary() {
    return "fix: the I/O thread does I/O and its own work outside the GIL, takes it only briefly";
  }

  @Override
  public String seed() {
    return "seed 000's convoy, avoided: I/O-bound work kept off the global lock";
  }

  @Override
  public String expectedFinding() {
    return "no CONVOY (or a much milder one) on IoOutsideWorkload#GIL";
  }

  @Override
  public String agentOptions() {
    return "monitor=" + IoOutsideWorkload.class.getName() + "#GIL";
  }

  @Override
  protected IoWorkload newWorkload(ScenarioOptions options) {
    return new IoOutsideWorkload(options.intValue("check-interval"));
  }

  /*
   * HOW TO RUN:
   *   java -jar demo-apps/target/gilscope-demos.jar io-outside [--requests 300]
   *   java -javaagent:agent/target/gilscope-agent.jar=monitor=dev.gilscope.demo.iooutside.IoOutsideWorkload#GIL,file=io-outside.jfr \
   *        -jar demo-apps/target/gilscope-demos.jar io-outside
   *   java -jar analyzer/target/gilscope-analyzer.jar analyze io-outside.jfr
   */
}

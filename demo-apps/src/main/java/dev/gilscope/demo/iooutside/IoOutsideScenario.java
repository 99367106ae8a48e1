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
 * instructions). cpu-bound-1 likewise interprets its own program without the GIL and takes it
 * only to publish its progress (100 instructions every 10,000). The global lock now guards shared
 * state only, each hold is well under a microsecond, and there is no drop request and no switch
 * interval. The GIL is a fair ReentrantLock, so a publisher that finds it taken is handed it next
 * instead of being passed over by a barging releaser.
 *
 * Expected verdict: no finding (or a much milder one) on IoOutsideWorkload#GIL: the lock is
 * rarely held, and the I/O thread's response times beside the CPU-bound thread stay close to its
 * times alone.
 */

/** The fix: I/O and message handling outside the GIL, a short publish step inside. */
public final class IoOutsideScenario extends IoScenario {
  @Override
  public String name() {
    return "io-outside";
  }

  @Override
  public String summary() {
    return "fix: every thread works and does I/O outside the GIL, takes it only to publish";
  }

  @Override
  public String seed() {
    return "the new GIL's convoy, avoided: I/O-bound work kept off the global lock";
  }

  @Override
  public String expectedFinding() {
    return "no finding (or a much milder one) on IoOutsideWorkload#GIL: the lock guards shared state only";
  }

  @Override
  public String agentOptions() {
    return "lock=" + IoOutsideWorkload.class.getName() + "#GIL";
  }

  @Override
  protected IoWorkload newWorkload(ScenarioOptions options) {
    return new IoOutsideWorkload(options.intValue("check-interval"));
  }

  /*
   * HOW TO RUN:
   *   java -jar demo-apps/target/gilscope-demos.jar io-outside [--requests 300]
   *   java -javaagent:agent/target/gilscope-agent.jar=lock=dev.gilscope.demo.iooutside.IoOutsideWorkload#GIL,file=io-outside.jfr \
   *        -jar demo-apps/target/gilscope-demos.jar io-outside
   *   java -jar analyzer/target/gilscope-analyzer.jar analyze io-outside.jfr
   */
}

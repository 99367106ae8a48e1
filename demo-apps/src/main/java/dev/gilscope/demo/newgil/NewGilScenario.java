package dev.gilscope.demo.newgil;

import dev.gilscope.demo.OptionSpec;
import dev.gilscope.demo.ScenarioOptions;
import dev.gilscope.demo.interp.IoScenario;
import dev.gilscope.demo.interp.IoWorkload;
import java.util.List;

/*
 * Seed 000: the new GIL (Python >= 3.2), its drop request and the convoy effect.
 *
 * No ticks any more. A thread that wants the GIL waits on a condition variable for the switch
 * interval (5 ms); if the wait times out and nobody switched meanwhile it sets gil_drop_request,
 * and the holder, polling that flag, releases the GIL, signals, and waits until someone else has
 * taken it (forced switching). The seed names the price: an I/O-bound thread releases the GIL
 * around every I/O call and, when its I/O completes, must sit out a whole interval behind the
 * CPU-bound thread before it can use the reply. Response times go up by orders of magnitude:
 * short jobs queue behind a long one, like FCFS scheduling with a long process first.
 *
 * Here: NewGil is CPython's GIL (locked flag + monitor + 5 ms timed wait + drop request + forced
 * switch). cpu-bound-1 interprets a CPU-bound program and checks the drop request every 100
 * instructions; io-bound-1 makes loopback TCP round trips to an echo server, dropping the GIL
 * around each call. Two runs: the I/O thread alone, then beside the CPU-bound thread.
 *
 * Expected verdict: CONVOY on NewGil#GIL with io-bound-1 the victim and cpu-bound-1 the cause
 * (waits in wait() of about one interval per request against holds of a few microseconds).
 */

/** Python 3.2+'s GIL (drop request, 5 ms interval, forced switching): the convoy effect. */
public final class NewGilScenario extends IoScenario {
  @Override
  public String name() {
    return "new-gil";
  }

  @Override
  public String summary() {
    return "Python >= 3.2 GIL (5 ms wait, drop request, forced switch): I/O thread's convoy";
  }

  @Override
  public String seed() {
    return "the new GIL makes an I/O-bound thread wait a whole interval after each I/O";
  }

  @Override
  public String expectedFinding() {
    return "CONVOY on NewGil#GIL: victim io-bound-1, cause cpu-bound-1; p99 up by ~100x";
  }

  @Override
  public String agentOptions() {
    return "monitor=" + NewGil.class.getName() + "#GIL";
  }

  @Override
  protected List<OptionSpec> extraOptions() {
    return List.of(
        new OptionSpec(
            "interval-ms",
            "MS",
            "5",
            "5",
            "switch interval: the waiter's timed wait (CPython: 5 ms)"));
  }

  @Override
  protected IoWorkload newWorkload(ScenarioOptions options) {
    return new NewGilWorkload(options.longValue("interval-ms"), options.intValue("check-interval"));
  }

  /*
   * HOW TO RUN:
   *   java -jar demo-apps/target/gilscope-demos.jar new-gil [--requests 300] [--interval-ms 5]
   *   java -javaagent:agent/target/gilscope-agent.jar=monitor=dev.gilscope.demo.newgil.NewGil#GIL,file=new-gil.jfr \
   *        -jar demo-apps/target/gilscope-demos.jar new-gil
   *   java -jar analyzer/target/gilscope-analyzer.jar analyze new-gil.jfr
   */
}

package dev.gilscope.demo;

import java.io.PrintStream;
import java.util.List;

/**
 * One runnable demo: a small, self-contained program that reproduces (or fixes) one of the GIL
 * pathologies of {@code docs/patterns.md} on the machine's real cores, measures itself and prints a
 * table plus a {@code RESULT} line.
 *
 * <p>Implementations are stateless; {@link #run} is called once per process by the main thread.
 */
public interface Scenario {

  /** The command-line name, e.g. {@code old-gil}. */
  String name();

  /** One line for {@code list}: what the scenario shows. */
  String summary();

  /** Which pattern of docs/patterns.md it shows, e.g. "the old GIL's 100-tick check". */
  String seed();

  /** What gilscope's analyzer is expected to report on a recording of this scenario. */
  String expectedFinding();

  /** The agent options (without {@code file=}) that track this scenario's global lock. */
  String agentOptions();

  /**
   * The arguments the tour runs this scenario with: {@code --quick} for {@code tour --quick}, none
   * by default. A scenario whose default run is long under the agent may ask for less.
   */
  default List<String> tourArguments(boolean quick) {
    return quick ? List.of("--quick") : List.of();
  }

  /** The options this scenario accepts, common ones included. */
  List<OptionSpec> options();

  /**
   * Runs the scenario with parsed options and prints its measurements to {@code out}.
   *
   * @throws Exception when the scenario cannot run (its message is shown to the user)
   */
  void run(ScenarioOptions options, PrintStream out) throws Exception;
}

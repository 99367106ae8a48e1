package dev.gilscope.demo.oldgil;

import dev.gilscope.demo.interp.InterpreterThread;
import dev.gilscope.demo.interp.Race;

/**
 * An interpreter thread under Python 2's GIL: it holds {@link #GIL} while it interprets {@code
 * checkInterval} instructions, then releases it and immediately takes it again ("every 100 ticks,
 * release the GIL and try to re-acquire it at once").
 *
 * <p>The release does wake a waiting thread, but the releaser is already running on its core and
 * re-enters the monitor within nanoseconds, long before the woken thread is scheduled: the waiter
 * finds the monitor taken and parks again. Costs one monitor exit+enter per check interval.
 */
final class OldGilInterpreter extends InterpreterThread {
  /**
   * The global interpreter lock: {@code monitor=dev.gilscope.demo.oldgil.OldGilInterpreter#GIL}.
   */
  static final Object GIL = new Object();

  OldGilInterpreter(String name, Race race, int checkInterval) {
    super(name, race, checkInterval);
  }

  @Override
  protected void interpret() {
    while (!race.stopped()) {
      interpretOneCheckInterval();
    }
  }

  /**
   * One hold of the GIL, in a method of its own: a {@code gilscope watch} attached to a running
   * old-gil changes this method for its next call (the tour's live part), never the loop above.
   */
  private void interpretOneCheckInterval() {
    synchronized (GIL) {
      race.ledger().acquired(this);
      instructions += vm.run(checkInterval);
    }
  }
}

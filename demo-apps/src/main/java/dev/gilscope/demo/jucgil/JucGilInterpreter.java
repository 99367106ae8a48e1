package dev.gilscope.demo.jucgil;

import dev.gilscope.demo.interp.InterpreterThread;
import dev.gilscope.demo.interp.Race;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The old GIL again, with a {@code java.util.concurrent} lock: holds {@link #GIL} (a non-fair
 * {@link ReentrantLock}) for {@code checkInterval} instructions, unlocks and immediately locks
 * again. A non-fair lock lets the releaser barge back in ahead of the parked waiter it has just
 * unparked, so the waiter thrashes exactly as under the monitor. Costs one CAS pair per interval.
 */
final class JucGilInterpreter extends InterpreterThread {
  /** The global interpreter lock: {@code lock=dev.gilscope.demo.jucgil.JucGilInterpreter#GIL}. */
  static final ReentrantLock GIL = new ReentrantLock();

  JucGilInterpreter(String name, Race race, int checkInterval) {
    super(name, race, checkInterval);
  }

  @Override
  protected void interpret() {
    while (!race.stopped()) {
      GIL.lock();
      try {
        race.ledger().acquired(this);
        instructions += vm.run(checkInterval);
      } finally {
        GIL.unlock();
      }
    }
  }
}

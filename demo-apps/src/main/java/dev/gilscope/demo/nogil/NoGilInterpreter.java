package dev.gilscope.demo.nogil;

import dev.gilscope.demo.interp.InterpreterThread;
import dev.gilscope.demo.interp.Race;

/**
 * An interpreter thread with no global lock: it locks only its own {@link InterpreterState} for
 * each check interval (one uncontended monitor enter/exit, a few nanoseconds), so N threads run on
 * N cores at once.
 */
final class NoGilInterpreter extends InterpreterThread {
  NoGilInterpreter(String name, Race race, int checkInterval) {
    super(name, race, checkInterval);
  }

  @Override
  protected void interpret() {
    InterpreterState state = new InterpreterState(vm);
    while (!race.stopped()) {
      instructions += state.step(checkInterval);
      acquisitions++;
    }
  }
}

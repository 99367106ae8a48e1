package dev.gilscope.demo.nogil;

import dev.gilscope.demo.interp.MiniVm;

/**
 * The state one interpreter thread owns, with its own lock: the fine-grained alternative to a
 * global lock. Each instance is locked only by its one thread, so the monitor is never contended
 * (the agent tracks every instance: {@code monitor=dev.gilscope.demo.nogil.InterpreterState}).
 */
final class InterpreterState {
  private final MiniVm vm;

  InterpreterState(MiniVm vm) {
    this.vm = vm;
  }

  /** Interprets {@code budget} instructions while holding this state's own lock. */
  synchronized int step(int budget) {
    return vm.run(budget);
  }
}

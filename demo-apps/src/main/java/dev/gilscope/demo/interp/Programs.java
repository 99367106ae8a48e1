package dev.gilscope.demo.interp;

/**
 * The programs the demos interpret. Each is a few instructions of {@link MiniVm} bytecode, the Java
 * twin of the seeds' Python loops.
 */
public final class Programs {
  /** Instructions the countdown program executes per decrement. */
  public static final int COUNTDOWN_INSTRUCTIONS_PER_DECREMENT = 6;

  private Programs() {}

  /**
   * Seed 004's {@code while n > 0: n -= 1}: counts local 0 down from {@code n} to 0 and halts. Six
   * instructions per decrement (load, push 1, subtract, store, load, jump if positive).
   */
  public static MiniVm countdown(long n) {
    if (n < 1) {
      throw new IllegalArgumentException("countdown needs n >= 1, got " + n);
    }
    MiniVm vm =
        new MiniVm(
            new int[] {
              MiniVm.LOAD,
              MiniVm.PUSH,
              MiniVm.SUB,
              MiniVm.STORE,
              MiniVm.LOAD,
              MiniVm.JUMP_IF_POSITIVE,
              MiniVm.HALT
            },
            new long[] {0, 1, 0, 0, 0, 0, 0});
    vm.setLocal(0, n);
    return vm;
  }

  /**
   * A CPU-bound loop that never halts: a linear congruential generator in local 0 and an iteration
   * counter in local 1 (15 instructions per iteration). The CPU-bound thread's work.
   */
  public static MiniVm busyLoop(long seed) {
    MiniVm vm =
        new MiniVm(
            new int[] {
              MiniVm.LOAD, // x
              MiniVm.PUSH,
              MiniVm.MUL,
              MiniVm.PUSH,
              MiniVm.ADD,
              MiniVm.LOAD, // x ^ (x >>> 29) keeps the high bits moving
              MiniVm.PUSH,
              MiniVm.SHIFT_RIGHT,
              MiniVm.XOR,
              MiniVm.STORE,
              MiniVm.LOAD, // count += 1
              MiniVm.PUSH,
              MiniVm.ADD,
              MiniVm.STORE,
              MiniVm.JUMP
            },
            new long[] {
              0, 6364136223846793005L, 0, 1442695040888963407L, 0, 0, 29, 0, 0, 0, 1, 1, 0, 1, 0
            });
    vm.setLocal(0, seed);
    return vm;
  }
}

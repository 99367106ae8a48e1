package dev.gilscope.demo.interp;

/**
 * A tiny stack-based bytecode interpreter: the "interpreter code" that the demos' GILs protect.
 *
 * <p>It exists so that the demos burn CPU the way CPython does, one dispatched instruction at a
 * time, and so that the JIT cannot fold the work away: the program is data, every instruction reads
 * and writes the heap-allocated operand stack and locals, and {@link #run} executes exactly the
 * number of instructions it is asked to (the "ticks" of the old GIL). One instruction costs about
 * 1-3 ns on this machine once compiled.
 *
 * <p>Not thread-safe: one VM per thread, like one Python frame per thread. Shared-state protection
 * is what the scenarios' GILs are for.
 */
public final class MiniVm {
  public static final int PUSH = 0;
  public static final int LOAD = 1;
  public static final int STORE = 2;
  public static final int ADD = 3;
  public static final int SUB = 4;
  public static final int MUL = 5;
  public static final int XOR = 6;
  public static final int SHIFT_RIGHT = 7;
  public static final int JUMP_IF_POSITIVE = 8;
  public static final int JUMP = 9;
  public static final int HALT = 10;

  private final int[] opcodes;
  private final long[] operands;
  private final long[] stack = new long[16];
  private final long[] locals = new long[8];
  private int pc;
  private int sp;
  private boolean halted;

  MiniVm(int[] opcodes, long[] operands) {
    this.opcodes = opcodes;
    this.operands = operands;
  }

  /**
   * Executes at most {@code budget} instructions, fewer only if the program halts.
   *
   * @return the number of instructions executed
   */
  public int run(int budget) {
    if (halted) {
      return 0;
    }
    // Registers in locals for speed; written back before returning so that the next call
    // (possibly after a GIL release) continues exactly where this one stopped.
    final int[] code = opcodes;
    final long[] args = operands;
    final long[] st = stack;
    final long[] loc = locals;
    int pc = this.pc;
    int sp = this.sp;
    int executed = 0;
    while (executed < budget) {
      executed++;
      switch (code[pc]) {
        case PUSH -> st[sp++] = args[pc++];
        case LOAD -> st[sp++] = loc[(int) args[pc++]];
        case STORE -> loc[(int) args[pc++]] = st[--sp];
        case ADD -> {
          sp--;
          st[sp - 1] += st[sp];
          pc++;
        }
        case SUB -> {
          sp--;
          st[sp - 1] -= st[sp];
          pc++;
        }
        case MUL -> {
          sp--;
          st[sp - 1] *= st[sp];
          pc++;
        }
        case XOR -> {
          sp--;
          st[sp - 1] ^= st[sp];
          pc++;
        }
        case SHIFT_RIGHT -> {
          sp--;
          st[sp - 1] >>>= st[sp];
          pc++;
        }
        case JUMP_IF_POSITIVE -> pc = st[--sp] > 0 ? (int) args[pc] : pc + 1;
        case JUMP -> pc = (int) args[pc];
        case HALT -> {
          halted = true;
          this.pc = pc;
          this.sp = sp;
          return executed;
        }
        default -> throw new IllegalStateException("bad opcode " + code[pc] + " at " + pc);
      }
    }
    this.pc = pc;
    this.sp = sp;
    return executed;
  }

  /** Runs until the program halts, {@code chunk} instructions per call; returns the total. */
  public long runToCompletion(int chunk) {
    long total = 0;
    while (!halted) {
      total += run(chunk);
    }
    return total;
  }

  public boolean halted() {
    return halted;
  }

  public long local(int index) {
    return locals[index];
  }

  void setLocal(int index, long value) {
    locals[index] = value;
  }
}

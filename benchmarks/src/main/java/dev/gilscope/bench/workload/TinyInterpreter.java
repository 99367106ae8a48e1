package dev.gilscope.bench.workload;

/**
 * A register-machine bytecode interpreter, small enough to read in one sitting and busy enough to
 * stand in for CPython's eval loop: a {@code switch} dispatch over an {@code int[]} program whose
 * instructions read and write shared interpreter globals.
 *
 * <p>Each thread owns a {@link Frame} (program counter and registers); the globals are shared and
 * must only be touched under the global interpreter lock, exactly like CPython's object heap. The
 * program's control flow depends only on a thread's own registers, so the number of times each
 * instruction runs is a pure function of the instruction count: the final value of {@link
 * #COUNTER_GLOBAL} is deterministic, and a lost update shows up as a wrong count.
 *
 * <p>Costs about 4 ns per interpreted instruction on the 2-core measurement machine (one thread).
 */
public final class TinyInterpreter {
  static final int SET = 0; // r[a] = b
  static final int LOAD_GLOBAL = 1; // r[a] = globals[b]
  static final int STORE_GLOBAL = 2; // globals[b] = r[a]
  static final int ADD = 3; // r[a] += b
  static final int MUL_ADD = 4; // r[a] = r[a] * 31 + r[b]
  static final int XOR_SHIFT = 5; // r[a] ^= r[a] >>> b
  static final int DEC_JUMP_NOT_ZERO = 6; // if (--r[a] != 0) pc = b
  static final int JUMP = 7; // pc = b
  static final int INCREMENT_GLOBAL = 8; // globals[b]++ (one instruction, so atomic under the GIL)
  static final int MIX = 9; // r[a] = a few rounds of rotateLeft(r[a] * golden, 13) ^ r[b]

  /** Index in the globals of the counter every loop iteration increments. */
  public static final int COUNTER_GLOBAL = 0;

  /** Index in the globals of a hash that folds in every thread's work. */
  public static final int HASH_GLOBAL = 1;

  static final int GLOBAL_COUNT = 2;
  static final int MIX_ROUNDS = 6;
  static final int REGISTER_COUNT = 4;

  /**
   * The program, three ints per instruction (opcode, a, b): an outer loop over an inner loop of
   * eight "increment the global counter, read it, fold it into a local hash" steps, then a fold of
   * the local hash into a global one. The global hash's load and store may fall into different lock
   * windows, so other threads' updates to it can be lost, as {@code x += 1} can lose updates in
   * Python; the counter's increment is one instruction and never loses one.
   */
  private static final int[] PROGRAM = {
    SET, 0, 8,
    INCREMENT_GLOBAL, 0, COUNTER_GLOBAL,
    LOAD_GLOBAL, 1, COUNTER_GLOBAL,
    MUL_ADD, 2, 1,
    XOR_SHIFT, 2, 7,
    MIX, 2, 1,
    MIX, 2, 0,
    DEC_JUMP_NOT_ZERO, 0, 1,
    LOAD_GLOBAL, 3, HASH_GLOBAL,
    MUL_ADD, 3, 2,
    STORE_GLOBAL, 3, HASH_GLOBAL,
    JUMP, 0, 0,
  };

  private final int[] globals = new int[GLOBAL_COUNT];

  /** One thread's interpreter state; confined to that thread. */
  public static final class Frame {
    private int pc;
    private final int[] registers = new int[REGISTER_COUNT];
  }

  /**
   * Runs exactly {@code instructions} instructions of {@code frame}'s thread. The caller must hold
   * the global interpreter lock: this touches the shared globals.
   */
  public void interpret(Frame frame, int instructions) {
    final int[] code = PROGRAM;
    final int[] r = frame.registers;
    final int[] g = globals;
    int pc = frame.pc;
    for (int executed = 0; executed < instructions; executed++) {
      int at = pc * 3;
      int a = code[at + 1];
      int b = code[at + 2];
      pc++;
      switch (code[at]) {
        case SET -> r[a] = b;
        case LOAD_GLOBAL -> r[a] = g[b];
        case STORE_GLOBAL -> g[b] = r[a];
        case ADD -> r[a] += b;
        case MUL_ADD -> r[a] = r[a] * 31 + r[b];
        case XOR_SHIFT -> r[a] ^= r[a] >>> b;
        case DEC_JUMP_NOT_ZERO -> {
          if (--r[a] != 0) {
            pc = b;
          }
        }
        case JUMP -> pc = b;
        case INCREMENT_GLOBAL -> g[b]++;
        case MIX -> r[a] = mix(r[a], r[b]);
        default -> throw new IllegalStateException("bad opcode " + code[at] + " at " + (pc - 1));
      }
    }
    frame.pc = pc;
  }

  /**
   * A few dependent multiply-rotate rounds: the cost of a "real" bytecode (an attribute lookup, a
   * small-int add with overflow checks), so that a 100-instruction window lasts about as long as
   * one in CPython-like interpreters on the JVM.
   */
  private static int mix(int value, int salt) {
    int h = value;
    for (int round = 0; round < MIX_ROUNDS; round++) {
      h = Integer.rotateLeft(h * 0x9E3779B9, 13) ^ salt;
    }
    return h;
  }

  /** The value of a global; caller holds the global interpreter lock (or all threads are done). */
  public int global(int index) {
    return globals[index];
  }
}

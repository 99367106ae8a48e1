package dev.gilscope.bench.workload;

/**
 * How much work {@link GilInterpreterWorkload} does: threads, lock windows per thread and
 * interpreted instructions per window. Parsed from {@code --threads N --windows N
 * --instructions-per-window N [--verify]}.
 */
public record WorkloadSize(
    int threads, long windowsPerThread, int instructionsPerWindow, boolean verify) {

  /** ~3 s of work on the 2-core measurement machine with 2 threads. */
  public static final long DEFAULT_WINDOWS_PER_THREAD = 2_500_000;

  public static final int DEFAULT_THREADS = 2;
  public static final int DEFAULT_INSTRUCTIONS_PER_WINDOW = 100;

  static final String USAGE =
      "usage: GilInterpreterWorkload [--threads N] [--windows PER_THREAD]"
          + " [--instructions-per-window N] [--verify]";

  public WorkloadSize {
    if (threads < 1) {
      throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
    }
    if (windowsPerThread < 1) {
      throw new IllegalArgumentException("--windows must be at least 1, got " + windowsPerThread);
    }
    if (instructionsPerWindow < 1) {
      throw new IllegalArgumentException(
          "--instructions-per-window must be at least 1, got " + instructionsPerWindow);
    }
  }

  /** Total lock acquisitions this size makes: one per window per thread. */
  public long expectedAcquisitions() {
    return threads * windowsPerThread;
  }

  /** Parses the workload's command line; throws {@link IllegalArgumentException} on bad input. */
  public static WorkloadSize parse(String... args) {
    int threads = DEFAULT_THREADS;
    long windows = DEFAULT_WINDOWS_PER_THREAD;
    int instructions = DEFAULT_INSTRUCTIONS_PER_WINDOW;
    boolean verify = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--threads" -> threads = (int) number(arg, valueAt(args, ++i, arg));
        case "--windows" -> windows = number(arg, valueAt(args, ++i, arg));
        case "--instructions-per-window" ->
            instructions = (int) number(arg, valueAt(args, ++i, arg));
        case "--verify" -> verify = true;
        default -> throw new IllegalArgumentException("unknown option '" + arg + "'");
      }
    }
    return new WorkloadSize(threads, windows, instructions, verify);
  }

  /** The command line that {@link #parse} turns back into this size. */
  public String[] toArgs() {
    String[] args = {
      "--threads", Integer.toString(threads),
      "--windows", Long.toString(windowsPerThread),
      "--instructions-per-window", Integer.toString(instructionsPerWindow)
    };
    if (!verify) {
      return args;
    }
    String[] withVerify = java.util.Arrays.copyOf(args, args.length + 1);
    withVerify[args.length] = "--verify";
    return withVerify;
  }

  private static String valueAt(String[] args, int index, String option) {
    if (index >= args.length) {
      throw new IllegalArgumentException("missing value for " + option);
    }
    return args[index];
  }

  private static long number(String option, String value) {
    try {
      long parsed = Long.parseLong(value.replace("_", ""));
      if (parsed > Integer.MAX_VALUE && !option.equals("--windows")) {
        throw new IllegalArgumentException(option + " is too large: " + value);
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " needs a whole number, got '" + value + "'", e);
    }
  }
}

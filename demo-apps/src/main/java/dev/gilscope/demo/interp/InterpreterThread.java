package dev.gilscope.demo.interp;

import dev.gilscope.demo.Lingering;

/**
 * A worker of the interpreter scenarios ({@code old-gil}, {@code juc-gil}, {@code fair-gil}, {@code
 * no-gil}): interprets {@link Programs#busyLoop} in its own {@link MiniVm}, taking the scenario's
 * GIL the way the subclass's {@link #interpret} says, until the race stops it.
 *
 * <p>Counters are plain fields written only by this thread (the ledger writes {@link #lostAtNanos}
 * of the previous owner, but under the GIL) and read by the main thread after {@code join}, which
 * orders them. Counting costs a field increment per acquisition and a {@code nanoTime} per handoff,
 * nothing per instruction.
 */
public abstract class InterpreterThread extends Thread {
  /** This thread's interpreter; created by the thread itself, see {@link #run}. */
  protected MiniVm vm;

  protected final Race race;
  protected final int checkInterval;

  protected long instructions;
  protected long acquisitions;
  long handoffsIn;
  long maxGapNanos;
  long lostAtNanos;

  protected InterpreterThread(String name, Race race, int checkInterval) {
    super(name);
    this.race = race;
    this.checkInterval = checkInterval;
    setDaemon(true);
  }

  @Override
  public final void run() {
    // Allocated here, in this thread's own TLAB: a VM allocated by the main thread next to the
    // other workers' objects would share cache lines with them (false sharing), and its operand
    // stack is written on every instruction.
    vm = Programs.busyLoop(getName().hashCode());
    race.awaitStart();
    lostAtNanos = race.startNanos();
    interpret();
    race.finished();
    Lingering.untilExit();
  }

  /** Interprets until {@link Race#stopped()}: the scenario's GIL discipline lives here. */
  protected abstract void interpret();

  /** What this worker did, once it has been joined. */
  WorkerStats stats(long endNanos) {
    long gap = maxGapNanos;
    if (lostAtNanos != 0) {
      gap = Math.max(gap, endNanos - lostAtNanos); // it never got the GIL back
    }
    return new WorkerStats(getName(), instructions, acquisitions, handoffsIn, gap);
  }
}

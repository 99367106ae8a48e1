package dev.gilscope.demo.interp;

/**
 * The demo's own cheap bookkeeping of who holds a GIL: counts handoffs (an acquisition by a thread
 * other than the last owner) and each thread's longest stretch without the GIL. Not the agent: the
 * scenarios measure themselves so their tables stand without gilscope.
 *
 * <p>{@link #acquired} must be called by the new owner while it holds the GIL, which is what makes
 * the plain fields safe. It costs a field read per acquisition, and a {@code nanoTime} only on
 * handoffs.
 */
public final class GilLedger {
  private InterpreterThread lastOwner;

  /** Records that {@code owner} has just acquired the GIL it holds now. */
  public void acquired(InterpreterThread owner) {
    owner.acquisitions++;
    InterpreterThread previous = lastOwner;
    if (previous != owner) {
      handoff(previous, owner);
    }
  }

  private void handoff(InterpreterThread previous, InterpreterThread owner) {
    long now = System.nanoTime();
    if (previous != null) {
      previous.lostAtNanos = now;
    }
    owner.handoffsIn++;
    if (owner.lostAtNanos != 0) {
      owner.maxGapNanos = Math.max(owner.maxGapNanos, now - owner.lostAtNanos);
      owner.lostAtNanos = 0;
    }
    lastOwner = owner;
  }
}

package dev.gilscope.demo.iooutside;

import dev.gilscope.demo.interp.EchoServer;
import dev.gilscope.demo.interp.IoWorkload;
import dev.gilscope.demo.interp.MiniVm;
import java.net.Socket;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * The convoy's fix: the global lock guards only shared state, and every thread does its own work
 * outside it. The I/O-bound thread does its I/O, and builds and uses its messages, on its own data
 * without the GIL and takes the GIL only to publish each reply; the CPU-bound threads interpret
 * their own program without the GIL and take it only to publish their progress, every {@link
 * #PUBLISH_EVERY_INSTRUCTIONS} instructions. Every hold is {@link #PUBLISH_INSTRUCTIONS}
 * instructions (well under a microsecond); there is no drop request and no switch interval.
 *
 * <p>The GIL ({@link #GIL}) is a fair {@link ReentrantLock}, so a publisher that finds it taken is
 * handed it next rather than passed over by a barging releaser. Costs each CPU-bound thread one
 * short lock/unlock per {@link #PUBLISH_EVERY_INSTRUCTIONS} instructions.
 */
final class IoOutsideWorkload implements IoWorkload {
  /** The global lock: {@code lock=dev.gilscope.demo.iooutside.IoOutsideWorkload#GIL}. */
  static final ReentrantLock GIL = new ReentrantLock(true);

  /** Instructions of shared-state update done under the GIL per publish. */
  static final int PUBLISH_INSTRUCTIONS = 100;

  /** Instructions a CPU-bound thread interprets on its own between two publishes. */
  static final int PUBLISH_EVERY_INSTRUCTIONS = 10_000;

  private final int checkInterval;
  private long published;
  private long progressPublished;
  private long maxPublishWaitNanos;

  IoOutsideWorkload(int checkInterval) {
    this.checkInterval = checkInterval;
  }

  @Override
  public long cpuBound(MiniVm vm, BooleanSupplier stopped) {
    long instructions = 0;
    while (!stopped.getAsBoolean()) {
      for (int i = 0; i < PUBLISH_EVERY_INSTRUCTIONS; i += checkInterval) {
        instructions += vm.run(checkInterval); // the thread's own work: no GIL
      }
      instructions += publishProgress(vm);
    }
    return instructions;
  }

  /**
   * The CPU-bound thread's only shared step. A method of its own: the loop above has no lock site
   * for an agent to rewrite, so it compiles as it would without one.
   */
  private int publishProgress(MiniVm vm) {
    GIL.lock();
    try {
      progressPublished++;
      return vm.run(PUBLISH_INSTRUCTIONS); // publish progress: shared state
    } finally {
      GIL.unlock();
    }
  }

  @Override
  public long ioRequest(Socket socket, byte[] message, MiniVm vm) throws Exception {
    vm.run(SHORT_WORK_INSTRUCTIONS); // build the request on the thread's own data: no GIL
    long start = System.nanoTime();
    EchoServer.roundTrip(socket, message);
    vm.run(SHORT_WORK_INSTRUCTIONS); // use the reply: still no GIL
    long requested = System.nanoTime();
    GIL.lock();
    try {
      maxPublishWaitNanos = Math.max(maxPublishWaitNanos, System.nanoTime() - requested);
      vm.run(PUBLISH_INSTRUCTIONS); // the only shared step
      published++;
    } finally {
      GIL.unlock();
    }
    return System.nanoTime() - start;
  }

  @Override
  public String describe() {
    GIL.lock();
    try {
      return String.format(
          "replies published under the GIL: %,d (longest wait for it %.1f us),"
              + " CPU-bound progress published: %,d",
          published, maxPublishWaitNanos / 1e3, progressPublished);
    } finally {
      GIL.unlock();
    }
  }
}

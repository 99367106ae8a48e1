package dev.gilscope.demo.iooutside;

import dev.gilscope.demo.interp.EchoServer;
import dev.gilscope.demo.interp.IoWorkload;
import dev.gilscope.demo.interp.MiniVm;
import java.net.Socket;
import java.util.function.BooleanSupplier;

/**
 * The convoy's fix: the CPU-bound threads hold a plain monitor GIL ({@link #GIL}) for one check
 * interval at a time (no drop request, no switch interval); the I/O-bound thread does its I/O and
 * builds and uses its messages outside the GIL, on its own data, and takes the GIL only for a short
 * publish step. A monitor hold of one check interval is a few hundred nanoseconds, so the I/O
 * thread never waits behind a long hold.
 */
final class IoOutsideWorkload implements IoWorkload {
  /** The global lock: {@code monitor=dev.gilscope.demo.iooutside.IoOutsideWorkload#GIL}. */
  static final Object GIL = new Object();

  private static final int PUBLISH_INSTRUCTIONS = 100;

  private final int checkInterval;
  private long published;
  private volatile long maxPublishWaitNanos;

  IoOutsideWorkload(int checkInterval) {
    this.checkInterval = checkInterval;
  }

  @Override
  public long cpuBound(MiniVm vm, BooleanSupplier stopped) {
    long instructions = 0;
    while (!stopped.getAsBoolean()) {
      synchronized (GIL) {
        instructions += vm.run(checkInterval);
      }
    }
    return instructions;
  }

  @Override
  public long ioRequest(Socket socket, byte[] message, MiniVm vm) throws Exception {
    vm.run(SHORT_WORK_INSTRUCTIONS); // build the request on the thread's own data: no GIL
    long start = System.nanoTime();
    EchoServer.roundTrip(socket, message);
    vm.run(SHORT_WORK_INSTRUCTIONS); // use the reply: still no GIL
    long requested = System.nanoTime();
    synchronized (GIL) {
      maxPublishWaitNanos = Math.max(maxPublishWaitNanos, System.nanoTime() - requested);
      vm.run(PUBLISH_INSTRUCTIONS); // the only shared step
      published++;
    }
    return System.nanoTime() - start;
  }

  @Override
  public String describe() {
    synchronized (GIL) {
      return String.format(
          "replies published under the GIL: %,d, longest wait for the GIL: %.1f us",
          published, maxPublishWaitNanos / 1e3);
    }
  }
}

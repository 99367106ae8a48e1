package dev.gilscope.demo.newgil;

import dev.gilscope.demo.interp.EchoServer;
import dev.gilscope.demo.interp.IoWorkload;
import dev.gilscope.demo.interp.MiniVm;
import java.net.Socket;
import java.util.function.BooleanSupplier;

/**
 * CPython 3.2+'s threads on {@link NewGil}: the CPU-bound threads hold the GIL and give it up only
 * when asked (drop request, forced switch); the I/O-bound thread holds it while it runs "Python
 * code" and releases it around each blocking call, as CPython's {@code Py_BEGIN_ALLOW_THREADS}
 * does, so after every round trip it must win the GIL back.
 */
final class NewGilWorkload implements IoWorkload {
  private final NewGil gil;
  private final int checkInterval;

  NewGilWorkload(long intervalMillis, int checkInterval) {
    this.gil = new NewGil(intervalMillis);
    this.checkInterval = checkInterval;
  }

  @Override
  public long cpuBound(MiniVm vm, BooleanSupplier stopped) throws InterruptedException {
    Thread me = Thread.currentThread();
    long instructions = 0;
    gil.take(me);
    try {
      while (!stopped.getAsBoolean()) {
        instructions += vm.run(checkInterval);
        if (gil.dropRequested()) {
          gil.drop(me, true);
          gil.take(me);
        }
      }
    } finally {
      gil.drop(me, false);
    }
    return instructions;
  }

  @Override
  public void ioBegin() throws InterruptedException {
    gil.take(Thread.currentThread());
  }

  @Override
  public long ioRequest(Socket socket, byte[] message, MiniVm vm) throws Exception {
    Thread me = Thread.currentThread();
    vm.run(SHORT_WORK_INSTRUCTIONS); // build the request: interpreter code, under the GIL
    long start = System.nanoTime();
    gil.drop(me, false); // Py_BEGIN_ALLOW_THREADS
    EchoServer.roundTrip(socket, message);
    gil.take(me); // Py_END_ALLOW_THREADS: the convoy forms here
    vm.run(SHORT_WORK_INSTRUCTIONS); // use the reply
    return System.nanoTime() - start;
  }

  @Override
  public void ioEnd() throws InterruptedException {
    gil.drop(Thread.currentThread(), false);
  }

  @Override
  public String describe() {
    return String.format(
        "GIL switches %,d, drop requests %,d, timed-out waits %,d",
        gil.switches(), gil.dropRequests(), gil.timedOutWaits());
  }
}

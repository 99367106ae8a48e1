package dev.gilscope.demo.interp;

import java.net.Socket;
import java.util.function.BooleanSupplier;

/**
 * The GIL discipline of an I/O-vs-CPU scenario ({@code new-gil}, {@code io-outside}): how the
 * CPU-bound threads interpret and how the I/O-bound thread does one request. One instance per run,
 * shared by all of that run's threads.
 */
public interface IoWorkload {
  /** Instructions of "short work" the I/O thread interprets to build a request or use a reply. */
  int SHORT_WORK_INSTRUCTIONS = 1_000;

  /**
   * The body of a CPU-bound thread: interprets {@code vm} until {@code stopped}.
   *
   * @return the instructions interpreted
   */
  long cpuBound(MiniVm vm, BooleanSupplier stopped) throws InterruptedException;

  /** Called once by the I/O thread before its first request (e.g. to take the GIL). */
  default void ioBegin() throws InterruptedException {}

  /**
   * One request of the I/O thread: build it, send it and read the echo (real blocking I/O on {@code
   * socket}), then use the reply.
   *
   * @return the response time in nanoseconds, from the request leaving to the reply being used
   */
  long ioRequest(Socket socket, byte[] message, MiniVm vm) throws Exception;

  /** Called once by the I/O thread after its last request. */
  default void ioEnd() throws InterruptedException {}

  /** Extra lines about the GIL for the scenario's output (may be empty). */
  default String describe() {
    return "";
  }
}

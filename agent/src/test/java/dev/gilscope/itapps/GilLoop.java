package dev.gilscope.itapps;

/**
 * T threads x N acquisitions of one global monitor, with reentrant entries, exceptions thrown
 * inside the critical section, and a wait/notify ping-pong. Prints the exact expected counts. Args:
 * threads iterations pingPongRounds
 */
public final class GilLoop {
  static final Object GIL = new Object();
  static long counter;

  public static void main(String[] args) throws Exception {
    run(Integer.parseInt(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]));
  }

  /** Prints {@code gil.<counter>=<exact expected value>} lines. */
  static void run(int threads, int iterations, int rounds) throws Exception {
    Thread[] workers = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      workers[t] = new Thread(() -> work(iterations), "worker-" + t);
      workers[t].start();
    }
    for (Thread w : workers) {
      w.join();
    }
    long perThreadAcquisitions = 0;
    long perThreadReentrant = 0;
    for (int i = 0; i < iterations; i++) {
      perThreadAcquisitions++;
      if (i % 10 == 0) {
        perThreadReentrant++;
      }
      if (i % 7 == 0) {
        perThreadAcquisitions++;
      }
    }
    long pingPongAcquisitions = pingPong(rounds);
    Scenarios.expect("gil.acquisitions", threads * perThreadAcquisitions + pingPongAcquisitions);
    Scenarios.expect("gil.reentrant", threads * perThreadReentrant);
    Scenarios.expect("gil.waits", waitCalls);
    Scenarios.expect("gil.notifies", notifyCalls);
  }

  static void work(int iterations) {
    for (int i = 0; i < iterations; i++) {
      synchronized (GIL) {
        counter++;
        if (i % 10 == 0) {
          synchronized (GIL) {
            counter++;
          }
        }
      }
      if (i % 7 == 0) {
        try {
          synchronized (GIL) {
            counter++;
            throw new IllegalStateException("thrown inside the critical section");
          }
        } catch (IllegalStateException expected) {
          // the monitor must have been released
        }
      }
    }
  }

  private static boolean ready;
  private static long waitCalls;
  private static long notifyCalls;

  /**
   * A producer and a consumer hand a token over through wait/notify; the calls are counted by the
   * app itself (under the monitor) because whether a loop waits depends on scheduling.
   */
  static long pingPong(int rounds) throws InterruptedException {
    Thread producer = new Thread(() -> play(rounds, true), "producer");
    Thread consumer = new Thread(() -> play(rounds, false), "consumer");
    producer.start();
    consumer.start();
    producer.join();
    consumer.join();
    return 2L * rounds;
  }

  static void play(int rounds, boolean producer) {
    for (int r = 0; r < rounds; r++) {
      synchronized (GIL) {
        while (ready == producer) {
          waitCalls++;
          try {
            GIL.wait();
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
        }
        ready = producer;
        notifyCalls++;
        GIL.notifyAll();
      }
    }
  }
}

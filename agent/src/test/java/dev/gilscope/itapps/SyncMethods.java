package dev.gilscope.itapps;

/**
 * {@code monitor=dev.gilscope.itapps.SyncMethods$Counter}: synchronized instance methods (one of
 * them reentrant, one throwing) and a synchronized block on an instance, from several threads.
 */
final class SyncMethods {
  private SyncMethods() {}

  static final class Counter {
    private long value;

    synchronized void increment() {
      value++;
    }

    synchronized void incrementTwice() {
      increment();
      increment();
    }

    synchronized long failingRead() {
      if (value >= 0) {
        throw new IllegalStateException("thrown inside a synchronized method");
      }
      return value;
    }

    synchronized long value() {
      return value;
    }
  }

  static void run(int threads, int iterations) throws InterruptedException {
    Counter counter = new Counter();
    Thread[] workers = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      workers[t] =
          new Thread(
              () -> {
                for (int i = 0; i < iterations; i++) {
                  counter.increment();
                  if (i % 4 == 0) {
                    counter.incrementTwice();
                  }
                  if (i % 5 == 0) {
                    try {
                      counter.failingRead();
                    } catch (IllegalStateException expected) {
                      // released on the exception path
                    }
                  }
                  if (i % 6 == 0) {
                    synchronized (counter) {
                      counter.increment();
                    }
                  }
                }
              },
              "sync-" + t);
      workers[t].start();
    }
    for (Thread w : workers) {
      w.join();
    }
    long acquisitions = 0;
    long reentrant = 0;
    for (int i = 0; i < iterations; i++) {
      acquisitions++;
      if (i % 4 == 0) {
        acquisitions++;
        reentrant += 2;
      }
      if (i % 5 == 0) {
        acquisitions++;
      }
      if (i % 6 == 0) {
        acquisitions++;
        reentrant++;
      }
    }
    counter.value(); // one more acquisition by main
    Scenarios.expect("sync.acquisitions", threads * acquisitions + 1);
    Scenarios.expect("sync.reentrant", threads * reentrant);
  }
}

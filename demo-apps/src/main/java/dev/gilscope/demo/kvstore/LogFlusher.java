package dev.gilscope.demo.kvstore;

import dev.gilscope.demo.Lingering;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;

/**
 * The {@code log-flusher} background thread: every few milliseconds it makes the store's access log
 * durable, which (by the store's design) holds the store's lock for the whole {@code fsync}.
 */
final class LogFlusher extends Thread {
  private final KvStore store;
  private final long intervalMillis;
  private final CountDownLatch finished = new CountDownLatch(1);
  private volatile boolean stopped;

  LogFlusher(KvStore store, long intervalMillis) {
    super("log-flusher");
    this.store = store;
    this.intervalMillis = intervalMillis;
    setDaemon(true);
  }

  @Override
  public void run() {
    try {
      while (!stopped) {
        Thread.sleep(intervalMillis); // a timer, as a real flusher has: not a stand-in for work
        store.flushLog();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) { // a real flusher would retry; the demo reports and stops
      System.err.println("log-flusher: " + e.getMessage());
    }
    finished.countDown();
    Lingering.untilExit();
  }

  /**
   * Stops after the current sleep or flush. No interrupt: interrupting a thread inside {@code
   * FileChannel.force} closes the channel.
   */
  void stopAndAwait() throws InterruptedException {
    stopped = true;
    finished.await(); // the thread lingers afterwards (see Lingering), so no join
  }
}

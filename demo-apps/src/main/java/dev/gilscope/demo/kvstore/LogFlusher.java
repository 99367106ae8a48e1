package dev.gilscope.demo.kvstore;

import java.io.IOException;

/**
 * The {@code log-flusher} background thread: every few milliseconds it makes the store's access log
 * durable, which (by the store's design) holds the store's lock for the whole {@code fsync}.
 */
final class LogFlusher extends Thread {
  private final KvStore store;
  private final long intervalMillis;
  private volatile boolean stopped;

  LogFlusher(KvStore store, long intervalMillis) {
    super("log-flusher");
    this.store = store;
    this.intervalMillis = intervalMillis;
    setDaemon(true);
  }

  @Override
  public void run() {
    while (!stopped) {
      try {
        Thread.sleep(intervalMillis); // a timer, as a real flusher has: not a stand-in for work
        store.flushLog();
      } catch (InterruptedException e) {
        return;
      } catch (IOException e) { // a real flusher would retry; the demo reports and stops
        System.err.println("log-flusher: " + e.getMessage());
        return;
      }
    }
  }

  /**
   * Stops after the current sleep or flush. No interrupt: interrupting a thread inside {@code
   * FileChannel.force} closes the channel.
   */
  void stopAndJoin() throws InterruptedException {
    stopped = true;
    join();
  }
}

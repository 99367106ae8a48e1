package dev.gilscope.demo.kvstore;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * An in-process key-value store the way many services start out: a {@code HashMap} and an access
 * log, and every method {@code synchronized} on the store, so the log's write system call (and the
 * background flusher's {@code fsync}) happen while every other client waits. The store's monitor is
 * a hidden GIL: {@code monitor=dev.gilscope.demo.kvstore.KvStore}.
 *
 * <p>Thread-safe (that is the point: one lock for everything). Also measures how long its lock is
 * held, with two {@code nanoTime} calls per operation.
 */
public final class KvStore implements AutoCloseable {
  private final Map<String, byte[]> entries = new HashMap<>();
  private final AccessLog log;
  private long heldNanos;

  KvStore() throws IOException {
    this.log = new AccessLog();
  }

  public synchronized byte[] get(String key) throws IOException {
    long start = System.nanoTime();
    try {
      byte[] value = entries.get(key);
      log.append("GET", key, value == null ? 0 : value.length);
      return value;
    } finally {
      heldNanos += System.nanoTime() - start;
    }
  }

  public synchronized void put(String key, byte[] value) throws IOException {
    long start = System.nanoTime();
    try {
      entries.put(key, value);
      log.append("PUT", key, value.length);
    } finally {
      heldNanos += System.nanoTime() - start;
    }
  }

  /** Called by the {@code log-flusher} thread: makes the access log durable, under the lock. */
  public synchronized void flushLog() throws IOException {
    long start = System.nanoTime();
    try {
      log.force();
    } finally {
      heldNanos += System.nanoTime() - start;
    }
  }

  /** Total time the store's lock has been held so far. */
  synchronized long heldNanos() {
    return heldNanos;
  }

  @Override
  public synchronized void close() throws IOException {
    log.close();
  }
}

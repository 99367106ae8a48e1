package dev.gilscope.analyzer.read;

import dev.gilscope.analyzer.model.Counters;
import dev.gilscope.analyzer.model.Metric;
import dev.gilscope.analyzer.model.MonitorStats;
import dev.gilscope.analyzer.model.ThreadStats;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongToIntFunction;

/**
 * Wait episodes: one thread's run of back-to-back {@code wait()} calls on one monitor (the
 * flag-shaped GIL's time waiting for the flag is the episode, not each timed wait in it). Calls
 * less than {@code gapNanos} apart belong to one episode; a closed episode is recorded in the
 * monitor's and the thread's episode counters and distributions. Bounded state: one open episode
 * per (monitor, thread).
 */
final class WaitEpisodes {
  private final long gapNanos;
  private final LongToIntFunction windowOf;
  private final Map<String, Episode> open = new HashMap<>();

  WaitEpisodes(long gapNanos, LongToIntFunction windowOf) {
    this.gapNanos = gapNanos;
    this.windowOf = windowOf;
  }

  /**
   * One {@code wait()} call of {@code t} on {@code m}; {@code notifier}, the thread whose notify
   * ended it (null or empty when unknown), is blamed for the episode's wait so far.
   */
  void add(
      MonitorStats m,
      ThreadStats t,
      long startNanos,
      long endNanos,
      boolean timedOut,
      String notifier) {
    open.computeIfAbsent(m.key() + '\u0000' + t.name(), k -> new Episode(m, t))
        .add(startNanos, endNanos, timedOut, notifier);
  }

  /** Closes every open episode: the stream has ended. */
  void closeAll() {
    open.values().forEach(Episode::close);
  }

  private final class Episode {
    private final MonitorStats monitor;
    private final ThreadStats thread;
    private long startNanos = -1;
    private long lastEndNanos;
    private long pendingBlameNanos;
    private boolean timedOut;

    Episode(MonitorStats monitor, ThreadStats thread) {
      this.monitor = monitor;
      this.thread = thread;
    }

    void add(long waitStartNanos, long waitEndNanos, boolean waitTimedOut, String notifier) {
      if (startNanos >= 0 && waitStartNanos - lastEndNanos > gapNanos) {
        close();
      }
      if (startNanos < 0) {
        startNanos = waitStartNanos;
      }
      lastEndNanos = Math.max(lastEndNanos, waitEndNanos);
      timedOut |= waitTimedOut;
      pendingBlameNanos += waitEndNanos - waitStartNanos;
      if (notifier != null && !notifier.isEmpty()) {
        // the thread that freed what we waited for is the one we waited behind
        thread.blame(notifier, pendingBlameNanos);
        pendingBlameNanos = 0;
      }
    }

    void close() {
      if (startNanos < 0) {
        return;
      }
      long episodeNanos = lastEndNanos - startNanos;
      int w = windowOf.applyAsInt(lastEndNanos);
      monitor.episodes().record(episodeNanos);
      thread.episodes().record(episodeNanos);
      for (Counters c :
          new Counters[] {
            // the thread's totals are the sum of its windows
            monitor.totals(), monitor.windows().at(w), thread.window(w)
          }) {
        c.increment(Metric.EPISODES);
        c.add(Metric.EPISODE_NANOS, episodeNanos);
        if (timedOut) {
          c.increment(Metric.EPISODES_TIMED_OUT);
        }
      }
      startNanos = -1;
      lastEndNanos = 0;
      pendingBlameNanos = 0;
      timedOut = false;
    }
  }
}

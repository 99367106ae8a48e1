package dev.gilscope.analyzer.read;

import dev.gilscope.analyzer.model.Counters;
import dev.gilscope.analyzer.model.Metric;
import dev.gilscope.analyzer.model.MonitorStats;
import dev.gilscope.analyzer.model.ThreadStats;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongToIntFunction;
import java.util.function.UnaryOperator;

/**
 * Wait episodes: one thread's run of back-to-back {@code wait()} calls on one monitor (the
 * flag-shaped GIL's time waiting for the flag is the episode, not each timed wait in it). Calls
 * less than {@code gapNanos} apart belong to one episode; a closed episode is recorded in the
 * monitor's and the thread's episode counters and distributions. Bounded state: one open episode
 * per (monitor, thread), and in a later part of a recording one set-aside first episode per
 * (monitor, thread).
 *
 * <p>A recording read in parts (chunk groups, or pieces of one chunk, each by its own thread) has
 * episodes that cross a part boundary. So a part that {@code continuesPrevious} does not close its
 * first episode of each (monitor, thread), whose start may continue the previous part's last one:
 * it sets it aside, and {@link #join} decides, part after part in file order, exactly what one
 * reader of the whole file would have: one episode, or two.
 *
 * <p>A thread's calls reach the file in the order of its buffers, not always of time: on JDK 17 a
 * buffer written 0.6 s late put six of a thread's later calls before its earlier ones, and the open
 * episode, already past them, swallowed the next 190 calls (3 episodes instead of about 100; the
 * flag-shaped GIL then went unseen). So calls are kept as they come and {@link #settle} takes each
 * (monitor, thread)'s in time order: at the end of every chunk (JFR writes every thread's buffers
 * into the chunk before it starts the next, so a chunk holds its calls whole) and of every part.
 * When a later part's first call of a (monitor, thread) began before the earlier part's last one
 * ended (a buffer written late across the cut between two parts: seen on JDK 25 with calls 150 ms
 * apart), {@link #join} throws {@link PartsDisagree} and the caller reads the file again in one
 * part.
 */
final class WaitEpisodes {
  private final long gapNanos;
  private final LongToIntFunction windowOf;
  private final boolean continuesPrevious;
  private final Map<String, Episode> open = new HashMap<>();
  // the calls since the last settle(), per (monitor, thread), in the order the first came
  private final Map<String, Calls> unsettled = new LinkedHashMap<>();
  // continuesPrevious only: each key's first episode once a later call closed it here
  private final Map<String, Episode> closedHeads = new HashMap<>();

  WaitEpisodes(long gapNanos, LongToIntFunction windowOf) {
    this(gapNanos, windowOf, false);
  }

  /**
   * @param continuesPrevious whether the events fed here follow another part's in the recording,
   *     whose open episodes {@link #join} will continue with this part's first ones
   */
  WaitEpisodes(long gapNanos, LongToIntFunction windowOf, boolean continuesPrevious) {
    this.gapNanos = gapNanos;
    this.windowOf = windowOf;
    this.continuesPrevious = continuesPrevious;
  }

  /**
   * One {@code wait()} call of {@code t} on {@code m}; {@code notifier}, the thread whose notify
   * ended it (null or empty when unknown), is blamed for the episode's wait so far. Kept until
   * {@link #settle}.
   */
  void add(
      MonitorStats m,
      ThreadStats t,
      long startNanos,
      long endNanos,
      boolean timedOut,
      String notifier) {
    String key = m.key() + '\u0000' + t.name();
    Calls calls = unsettled.get(key);
    if (calls == null) {
      calls = new Calls(m, t);
      unsettled.put(key, calls);
    }
    calls.add(startNanos, endNanos, timedOut, notifier);
  }

  /**
   * Adds the calls kept since the last settle to their episodes, each (monitor, thread)'s in the
   * order they began (those that began together, in the order they came). Call when no earlier call
   * can come any more: at the end of a chunk, of a part, of the stream.
   */
  void settle() {
    for (Map.Entry<String, Calls> entry : unsettled.entrySet()) {
      Calls c = entry.getValue();
      int[] order = c.inOrder ? null : c.timeOrder();
      for (int k = 0; k < c.size; k++) {
        int i = order == null ? k : order[k];
        addInOrder(
            entry.getKey(),
            c.monitor,
            c.thread,
            c.starts[i],
            c.ends[i],
            c.timedOut[i],
            c.notifiers[i]);
      }
    }
    unsettled.clear();
  }

  private void addInOrder(
      String key,
      MonitorStats m,
      ThreadStats t,
      long startNanos,
      long endNanos,
      boolean timedOut,
      String notifier) {
    Episode e = open.get(key);
    if (e == null) {
      e = new Episode(key, m, t, continuesPrevious && !closedHeads.containsKey(key));
      open.put(key, e);
    } else if (e.startNanos >= 0 && startNanos - e.lastEndNanos > gapNanos) {
      if (e.head) {
        closedHeads.put(key, e); // settled by join, when the previous part's end is known
        e = new Episode(key, e.monitor, e.thread, false);
        open.put(key, e);
      } else {
        e.close(windowOf);
      }
    }
    e.add(startNanos, endNanos, timedOut, notifier);
  }

  /** Closes every open episode: the stream has ended. */
  void closeAll() {
    settle();
    closedHeads.values().forEach(e -> e.close(windowOf));
    closedHeads.clear();
    open.values().forEach(e -> e.close(windowOf));
  }

  /**
   * Continues this part's episodes with those of {@code next}, the part that follows it in the
   * file: each of {@code next}'s first episodes joins this part's open episode of its (monitor,
   * thread) when it began within the gap of its end, or else both close, as one reader of both
   * parts would have done. Call before the parts' statistics merge (episodes close into either
   * part's monitors and threads, which the merge adds up), then {@link #adopt} after it. This part
   * must not itself continue an earlier one: parts merge in file order from the first.
   *
   * @return the episodes still open at the end of {@code next}, for {@link #adopt}
   */
  List<Episode> join(WaitEpisodes next) {
    if (continuesPrevious) {
      throw new IllegalStateException("parts merge into the first part");
    }
    settle();
    next.settle();
    next.closedHeads.forEach(
        (key, head) -> {
          Episode tail = open.remove(key);
          requireInOrder(tail, head);
          if (tail != null && tail.continuesInto(head, gapNanos)) {
            // the head began at or after the tail's end (requireInOrder), and the call that closed
            // it came more than the gap after its end: one reader closes the joined episode there
            tail.absorb(head);
            tail.close(windowOf);
          } else {
            if (tail != null) {
              tail.close(windowOf);
            }
            head.close(windowOf);
          }
        });
    List<Episode> stillOpen = new ArrayList<>();
    for (Episode e : next.open.values()) {
      if (e.head) {
        Episode tail = open.get(e.key);
        requireInOrder(tail, e);
        if (tail != null && tail.continuesInto(e, gapNanos)) {
          tail.absorb(e); // and stays open here
          continue;
        }
        if (tail != null) {
          open.remove(e.key).close(windowOf);
        }
        e.head = false;
      }
      stillOpen.add(e);
    }
    next.open.clear();
    next.closedHeads.clear();
    return stillOpen;
  }

  /**
   * A later part's first call of a (monitor, thread) that began before the earlier part's last one
   * ended was written late, across the cut: one reader of both parts sorts it among the earlier
   * part's calls, which the parts' summaries cannot.
   */
  private static void requireInOrder(Episode tail, Episode head) {
    if (tail != null && head.startNanos < tail.lastEndNanos) {
      throw new PartsDisagree();
    }
  }

  /**
   * Takes over {@link #join}'s still open episodes once the statistics merged, onto this part's
   * monitor (as {@code canonical} finds it) and its thread of the same name: the later part's own
   * objects were merged into them and are no longer counted.
   */
  void adopt(List<Episode> stillOpen, UnaryOperator<MonitorStats> canonical) {
    for (Episode e : stillOpen) {
      MonitorStats m = canonical.apply(e.monitor);
      if (m != e.monitor) {
        e.monitor = m;
        e.thread = m.thread(e.thread.name());
      }
      open.put(e.key, e);
    }
  }

  /** One (monitor, thread)'s calls since the last settle, as they came, in columns. */
  private static final class Calls {
    final MonitorStats monitor;
    final ThreadStats thread;
    long[] starts = new long[4];
    long[] ends = new long[4];
    boolean[] timedOut = new boolean[4];
    String[] notifiers = new String[4];
    int size;
    boolean inOrder = true;

    Calls(MonitorStats monitor, ThreadStats thread) {
      this.monitor = monitor;
      this.thread = thread;
    }

    void add(long start, long end, boolean timedOutCall, String notifier) {
      if (size == starts.length) {
        int capacity = size * 2;
        starts = Arrays.copyOf(starts, capacity);
        ends = Arrays.copyOf(ends, capacity);
        timedOut = Arrays.copyOf(timedOut, capacity);
        notifiers = Arrays.copyOf(notifiers, capacity);
      }
      if (size > 0 && start < starts[size - 1]) {
        inOrder = false;
      }
      starts[size] = start;
      ends[size] = end;
      timedOut[size] = timedOutCall;
      notifiers[size] = notifier;
      size++;
    }

    /** The indices of the calls by start, ties in the order they came (a stable sort). */
    int[] timeOrder() {
      Integer[] order = new Integer[size];
      Arrays.setAll(order, i -> i);
      Arrays.sort(order, Comparator.comparingLong((Integer i) -> starts[i]));
      return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }
  }

  /** A part's episodes depend on an earlier part's in a way {@link #join} cannot settle. */
  static final class PartsDisagree extends RuntimeException {
    PartsDisagree() {
      super("a thread's wait() calls cross a part boundary out of time order", null, false, false);
    }
  }

  static final class Episode {
    final String key;
    MonitorStats monitor;
    ThreadStats thread;
    // the first episode of a part that continues another: its start may be the previous part's
    boolean head;
    private long startNanos = -1;
    private long lastEndNanos;
    private long pendingBlameNanos;
    private boolean timedOut;
    // a head's first notifier: the previous part's blame still pending goes to it too
    private String firstNotifier;

    Episode(String key, MonitorStats monitor, ThreadStats thread, boolean head) {
      this.key = key;
      this.monitor = monitor;
      this.thread = thread;
      this.head = head;
    }

    void add(long waitStartNanos, long waitEndNanos, boolean waitTimedOut, String notifier) {
      if (startNanos < 0) {
        startNanos = waitStartNanos;
      }
      lastEndNanos = Math.max(lastEndNanos, waitEndNanos);
      timedOut |= waitTimedOut;
      pendingBlameNanos += waitEndNanos - waitStartNanos;
      if (notifier != null && !notifier.isEmpty()) {
        if (head && firstNotifier == null) {
          firstNotifier = notifier;
        }
        // the thread that freed what we waited for is the one we waited behind
        thread.blame(notifier, pendingBlameNanos);
        pendingBlameNanos = 0;
      }
    }

    /** Whether one reader would have added {@code head}'s first call to this open episode. */
    boolean continuesInto(Episode head, long gapNanos) {
      return head.startNanos - lastEndNanos <= gapNanos;
    }

    /** Adds {@code head}, the next part's first episode, which continues this one. */
    void absorb(Episode head) {
      lastEndNanos = Math.max(lastEndNanos, head.lastEndNanos);
      timedOut |= head.timedOut;
      if (head.firstNotifier != null) {
        // one reader would have blamed the first notifier for this episode's pending wait too;
        // the head's thread (its part's) keeps the holders in the order they were first blamed
        head.thread.blame(head.firstNotifier, pendingBlameNanos);
        pendingBlameNanos = head.pendingBlameNanos;
      } else {
        pendingBlameNanos += head.pendingBlameNanos;
      }
    }

    void close(LongToIntFunction windowOf) {
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
      firstNotifier = null;
      head = false;
    }
  }
}

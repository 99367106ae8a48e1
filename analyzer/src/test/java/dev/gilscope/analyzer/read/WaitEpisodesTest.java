package dev.gilscope.analyzer.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gilscope.analyzer.model.Counters;
import dev.gilscope.analyzer.model.EventSource;
import dev.gilscope.analyzer.model.Metric;
import dev.gilscope.analyzer.model.MonitorStats;
import dev.gilscope.analyzer.model.ThreadStats;
import dev.gilscope.analyzer.model.WindowedCounters;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Wait episodes read in parts (each by its own {@link WaitEpisodes}, into its own monitor and
 * thread objects, joined and merged in file order) come out exactly as read in one piece, wherever
 * the parts are cut: inside an episode, between two, with an episode that spans a whole part, and
 * with the blame that an episode still owes when a part ends.
 */
class WaitEpisodesTest {
  private static final long GAP = 50;
  private static final long WINDOW = 1_000;

  /** One wait() call of thread t. */
  private record Call(String thread, long start, long end, boolean timedOut, String notifier) {}

  // three threads' calls in file order: runs closer than GAP are one episode; notifiers now and
  // then
  private static final List<Call> CALLS =
      List.of(
          new Call("a", 0, 10, true, null),
          new Call("b", 5, 20, false, null),
          new Call("a", 30, 60, false, "n1"),
          new Call("a", 80, 100, true, null), // within GAP of 60: same episode, blame pending
          new Call("b", 200, 210, false, "n2"), // after a gap: a new episode of b
          new Call("a", 140, 990, false, null), // still a's first episode, across a window
          new Call("c", 300, 400, false, "n1"),
          new Call("a", 1_020, 1_030, false, "n2"), // continues, blamed for 990-140 + 10 pending
          new Call("b", 230, 240, true, "n1"),
          new Call("a", 2_000, 2_100, false, "n3"), // a new episode
          new Call("c", 420, 430, false, null),
          new Call("a", 2_120, 2_130, false, null),
          new Call("c", 900, 950, true, "n2"),
          new Call("a", 2_500, 2_600, false, null));

  @Test
  void everyCutIntoTwoPartsReadsAsOnePiece() {
    String one = read(List.of(CALLS));
    for (int cut = 0; cut <= CALLS.size(); cut++) {
      assertThat(read(List.of(CALLS.subList(0, cut), CALLS.subList(cut, CALLS.size()))))
          .as("cut at %d", cut)
          .isEqualTo(one);
    }
  }

  @Test
  void everyCutIntoThreePartsReadsAsOnePiece() {
    String one = read(List.of(CALLS));
    for (int first = 0; first <= CALLS.size(); first++) {
      for (int second = first; second <= CALLS.size(); second++) {
        List<List<Call>> parts =
            List.of(
                CALLS.subList(0, first),
                CALLS.subList(first, second),
                CALLS.subList(second, CALLS.size()));
        assertThat(read(parts)).as("cut at %d and %d", first, second).isEqualTo(one);
      }
    }
  }

  /**
   * JFR writes a thread's calls in the order of its buffers, not always of time: a buffer written
   * late puts later calls first. A part takes each thread's calls in time order (on JDK 17 an open
   * episode already past six late calls swallowed the next 190: 3 episodes instead of 104).
   */
  @Test
  void callsWrittenOutOfTimeOrderMakeTheEpisodesOfTimeOrder() {
    List<Call> lateFirst = new ArrayList<>();
    lateFirst.add(CALLS.get(9)); // a's calls at 2,000, 2,120 and 2,500 written first
    lateFirst.add(CALLS.get(11));
    lateFirst.add(CALLS.get(13));
    for (int i = 0; i < CALLS.size(); i++) {
      if (i != 9 && i != 11 && i != 13) {
        lateFirst.add(CALLS.get(i));
      }
    }
    assertThat(read(List.of(lateFirst))).isEqualTo(read(List.of(CALLS)));
  }

  /**
   * A later part with a call that began before the earlier part's last one ended (JFR wrote a
   * buffer late, across the cut): the join cannot sort it among the earlier part's calls, and says
   * so, and the reader reads the file again in one part.
   */
  @Test
  void callsOutOfTimeOrderAcrossACutAreToldApart() {
    List<Call> calls =
        List.of(
            new Call("a", 1_000, 1_100, false, null),
            new Call("a", 500, 600, false, null), // written late: before the call above
            new Call("a", 1_120, 1_130, false, null));
    // in time order: 500-600, then 1,000-1,130 (1,120 is within GAP of 1,100)
    assertThat(read(List.of(calls))).contains("a episodes=2 nanos=230");
    assertThatThrownBy(() -> read(List.of(calls.subList(0, 1), calls.subList(1, 3))))
        .isInstanceOf(WaitEpisodes.PartsDisagree.class);
    // out of order within the first part only: that part sorts them, and the join is exact
    assertThat(read(List.of(calls.subList(0, 2), calls.subList(2, 3))))
        .isEqualTo(read(List.of(calls)));
    // a later part's calls after the earlier part's: joined exactly
    List<Call> inOrder =
        List.of(
            new Call("a", 500, 600, false, null),
            new Call("a", 1_000, 1_100, false, null),
            new Call("a", 1_120, 1_130, false, null));
    assertThat(read(List.of(inOrder.subList(0, 2), inOrder.subList(2, 3))))
        .isEqualTo(read(List.of(inOrder)));
  }

  @Test
  void theCallsMakeEpisodesOfSeveralCallsAndBlameAcrossThem() {
    String one = read(List.of(CALLS));
    // a: 0-1030 (5 calls), 2000-2130, 2500-2600; b: 5-20, 200-240; c: 300-430, 900-950
    assertThat(one).contains("a episodes=3 nanos=1260 timedOut=1");
    // n2 ended the call that closed 850 + 20 + 10 ns of waiting since n1's notify
    assertThat(one).contains("2:2/230/0 blame={n1=40, n2=880, n3=100}");
  }

  /** Reads the parts as the reader does and describes what came out. */
  private static String read(List<List<Call>> parts) {
    MonitorStats total = null;
    WaitEpisodes totalEpisodes = null;
    for (int p = 0; p < parts.size(); p++) {
      MonitorStats m = new MonitorStats("k", "monitor", null, null, EventSource.GILSCOPE);
      WaitEpisodes episodes = new WaitEpisodes(GAP, end -> (int) (end / WINDOW), p > 0);
      for (Call c : parts.get(p)) {
        episodes.add(m, m.thread(c.thread), c.start, c.end, c.timedOut, c.notifier);
      }
      if (total == null) {
        total = m;
        totalEpisodes = episodes;
      } else {
        List<WaitEpisodes.Episode> stillOpen = totalEpisodes.join(episodes);
        total.mergeFrom(m);
        MonitorStats into = total;
        totalEpisodes.adopt(stillOpen, stale -> into);
      }
    }
    totalEpisodes.closeAll();
    return describe(total);
  }

  /** Each window's episode counters. */
  private static String windows(WindowedCounters windows) {
    StringBuilder s = new StringBuilder();
    for (int p = 0; p < windows.size(); p++) {
      Counters c = windows.counters(p);
      s.append(windows.index(p))
          .append(':')
          .append(c.get(Metric.EPISODES))
          .append('/')
          .append(c.get(Metric.EPISODE_NANOS))
          .append('/')
          .append(c.get(Metric.EPISODES_TIMED_OUT))
          .append(' ');
    }
    return s.toString().trim();
  }

  private static String describe(MonitorStats m) {
    List<String> lines = new ArrayList<>();
    lines.add(
        "monitor episodes="
            + m.totals().get(Metric.EPISODES)
            + " nanos="
            + m.totals().get(Metric.EPISODE_NANOS)
            + " timedOut="
            + m.totals().get(Metric.EPISODES_TIMED_OUT)
            + " distribution="
            + m.episodes().count()
            + "/"
            + m.episodes().maxNanos()
            + " windows="
            + windows(m.windows()));
    for (ThreadStats t : m.threadsInArrivalOrder()) {
      lines.add(
          t.name()
              + " episodes="
              + t.totals().get(Metric.EPISODES)
              + " nanos="
              + t.totals().get(Metric.EPISODE_NANOS)
              + " timedOut="
              + t.totals().get(Metric.EPISODES_TIMED_OUT)
              + " distribution="
              + t.episodes().count()
              + "/"
              + t.episodes().maxNanos()
              + " windows="
              + windows(t.windows())
              + " blame="
              + new java.util.TreeMap<>(t.blameNanosByHolder()));
    }
    return String.join("\n", lines);
  }
}

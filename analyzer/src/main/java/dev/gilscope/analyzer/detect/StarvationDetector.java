package dev.gilscope.analyzer.detect;

import dev.gilscope.analyzer.model.EventSource;
import dev.gilscope.analyzer.model.Finding;
import dev.gilscope.analyzer.model.FindingKind;
import dev.gilscope.analyzer.model.Metric;
import dev.gilscope.analyzer.model.MonitorStats;
import dev.gilscope.analyzer.model.RecordingInfo;
import dev.gilscope.analyzer.model.Severity;
import dev.gilscope.analyzer.model.ThreadColumns;
import dev.gilscope.analyzer.model.ThreadStats;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * STARVATION: unfair wake-ups, some threads keep losing (docs/patterns.md, "The new GIL"). Per
 * window and per thread (the victim) among the threads that requested the monitor: its mean wait is
 * at least {@link #MIN_MEAN_WAIT_NANOS} and {@link #WAIT_INFLATION_WARNING} times its peers' mean
 * wait, and its share of the acquisitions is at most {@link #SHARE_RATIO_WARNING} of the fair share
 * (1 / threads). A thread that requested the monitor and never got it in the whole recording is
 * CRITICAL. Waits include wait episodes in {@code wait()} when the monitor guards a flag. Causes:
 * the threads above their fair share. Evidence includes Jain's fairness index ({@code (sum x)^2 /
 * (n * sum x^2)}, 1 = fair) over the acquisitions.
 */
public final class StarvationDetector implements Detector {

  public static final long MIN_MEAN_WAIT_NANOS = 1_000_000;
  public static final long MIN_MEAN_WAIT_INFO_NANOS = 200_000;
  public static final double WAIT_INFLATION_INFO = 5;
  public static final double WAIT_INFLATION_WARNING = 10;
  public static final double WAIT_INFLATION_CRITICAL = 100;

  /**
   * "Some threads keep losing": a victim gets at most half the acquisitions a fair lock would give
   * it (a tenth: CRITICAL). Half, not less, because the other conditions already say it wanted the
   * lock and lost it; measured on the accuracy matrix, starving threads that park in lock() against
   * greedy spinners got 0.2-0.45 of their fair share on 2 cores.
   */
  public static final double SHARE_RATIO_INFO = 0.5;

  public static final double SHARE_RATIO_WARNING = 0.5;
  public static final double SHARE_RATIO_CRITICAL = 0.1;

  /**
   * A spinner (a {@code tryLock} loop) loses without a timed wait: its share of the acquisitions is
   * at most a third of its share of the requests (each failed {@code tryLock} is a request).
   */
  public static final double WON_SHARE_OF_REQUESTS = 1.0 / 3;

  /**
   * Unfair wake-ups, counted: a thread woken under a FIFO hand-over is passed over 0 times; one
   * passed over at least once per acquisition lost a race for every one it won. With a starved
   * share and 10x its peers' wait that is a WARNING whatever each wait's length, and however little
   * of its time the victim spends asking: the starvation demo's polite thread pauses between
   * requests, and on a quiet machine it once waited 6 % of its time with 11 % of the acquisitions,
   * 37x its peers' wait and 4 pass-overs per acquisition (another time 8 %, 4 %, 47x, 8): a note
   * while the rule asked for 10 pass-overs. A thread that only publishes now and then is rarely
   * passed over (io-outside's I/O thread: once in 300 acquisitions).
   */
  public static final double LOST_RACES_PER_ACQUISITION = 1;

  /** Peers' mean wait is floored here so that near-zero peer waits do not inflate the ratio. */
  public static final long PEER_WAIT_FLOOR_NANOS = 10_000;

  /**
   * A victim at WARNING or above spent at least this fraction of the time waiting: a thread that
   * asks rarely and waits briefly is slowed, not starved.
   */
  public static final double MIN_WAIT_FRACTION = 0.10;

  /**
   * Losing, measured in time rather than per wait: a victim passed over at least once per
   * acquisition, with a starved share, that spent {@link #WAIT_INFLATION_WARNING} times as much of
   * its time waiting as its peers each did is a WARNING. Per-wait means compare badly when the
   * winners barely wait: a parking loser on the matrix (`starved_parking-1t`, 20 us holds) waited
   * 37 % of its time, 80 us on average (p50 6 us), passed over 2.2 times per acquisition with 16 %
   * of them, while its peer never waited; against the 10 us floor that was 8x, no finding. The
   * peers' fraction is floored at {@link #MIN_WAIT_FRACTION} / {@link #WAIT_INFLATION_WARNING}, so
   * the victim must want the lock as the other WARNING rules ask.
   */
  public static final double PEER_WAIT_FRACTION_FLOOR = MIN_WAIT_FRACTION / WAIT_INFLATION_WARNING;

  /**
   * A victim that spent at least this fraction of the time waiting needs only {@link
   * #MIN_MEAN_WAIT_INFO_NANOS} per wait for WARNING (the other WARNING conditions unchanged): many
   * short losses add up to starvation as surely as a few long ones, and a loaded machine shortens
   * each wait.
   */
  public static final double WAIT_FRACTION_FOR_SHORT_WAITS = 0.25;

  /**
   * A long run of pass-overs (docs/patterns.md): ten lost races per acquisition. With half the
   * usual inflation it is a WARNING for a victim that waits a quarter of the time (winners that
   * also wait).
   */
  public static final double PASS_OVERS_PER_ACQUISITION_WARNING = 10;

  /**
   * A victim with at most {@link #SHARE_RATIO_WARNING} of its fair share that waited at least
   * {@link #WAIT_FRACTION_FOR_SHORT_WAITS} of the time and was passed over at least {@link
   * #PASS_OVERS_PER_ACQUISITION_WARNING} times per acquisition is a WARNING from {@link
   * #WAIT_INFLATION_INFO} times its peers' wait: when the winners also contend with each other
   * their own waits grow, which must not hide the loser.
   */
  public static final double INFLATION_FOR_STARVED_SHARE = WAIT_INFLATION_INFO;

  /**
   * Minimum sample: the victim needs at least this many measured waits (contended acquisitions, or
   * wait episodes on a flag-shaped GIL) in the judged windows before any verdict, INFO included. A
   * second in which a thread waited a few times says nothing about fairness.
   */
  public static final long MIN_VICTIM_WAITS = 20;

  @Override
  public FindingKind kind() {
    return FindingKind.STARVATION;
  }

  @Override
  public Evaluation evaluate(MonitorStats m, RecordingInfo r) {
    if (m.source() != EventSource.GILSCOPE || !m.hasExactCounts()) {
      return Evaluation.notApplicable("needs gilscope acquisition counts per thread");
    }
    boolean flag = FlagShape.isFlagShaped(m);
    PeerTotals peers = new PeerTotals(m, flag);
    // the victims in arrival order, their order in memory (threads() order is a cache miss per
    // thread on 100,000 of them), their findings put back in threads() order at the end
    int[] ranks = m.ranksInArrivalOrder();
    int arrival = 0;
    List<RankedFinding> findings = new ArrayList<>();
    // a judgement is read at once (a window's for its severity and inflation, a run's for the
    // finding made of it) and then dropped: two objects for all the victims (100,000 threads
    // allocated 29 MB of them), one for the windows and then the run, one for the whole span, which
    // is judged while the run's judgement is still read
    Judgement windowOrRun = new Judgement();
    Judgement wholeSpan = new Judgement();
    // the victim's own figures, from the monitor's columns, summed into one reused instance
    ThreadColumns c = m.columns();
    VictimSums victimSums = new VictimSums();
    for (ThreadStats victim : m.threadsInArrivalOrder()) {
      int thread = arrival++; // the victim's number in the columns
      int rank = ranks[thread];
      int first = c.from(thread);
      int pastLast = c.to(thread);
      if (victim.isEndedThreads() || first == pastLast) {
        continue;
      }
      // each window is a candidate without the minimum sample (a thread that gets the monitor a
      // few times a second has few waits per window); the sample is required of the run judged
      NavigableMap<Integer, Double> scores = null; // made by the first window with a severity
      boolean lostAny = false;
      for (int e = first; e < pastLast; e++) {
        if (!lost(c, e, flag)) {
          continue;
        }
        lostAny = true;
        int w = c.window(e);
        Judgement j =
            judge(
                peers.over(w, w),
                victim,
                victimSums.of(c, thread, w, w, flag),
                r.windowLengthNanos(w),
                false,
                windowOrRun);
        if (j != null && j.severity != null) {
          if (scores == null) {
            scores = new TreeMap<>();
          }
          scores.put(w, Math.max(1, j.inflation));
        }
      }
      if (!lostAny || (scores == null && pastLast - first == 1)) {
        // neither any run of its windows nor all of them has a wait or a lost race to judge, and
        // a thread that never got the monitor lost a request in some window; nor can the whole
        // of a single window without a severity have one (the same sums, and a sample required):
        // 60 % of 100,000 virtual threads were judged twice for nothing
        continue;
      }
      int[] run = scores == null ? null : WindowRuns.bestRun(scores);
      // still waiting in two or more statistics periods: a request pending at one flush is not
      // yet starvation
      boolean neverAcquired =
          pastLast - first >= 2
              && c.total(thread, REQUESTS) > 0
              && c.total(thread, ACQUISITIONS) == 0;
      Judgement j =
          run == null
              ? null
              : judge(
                  peers.over(run[0], run[1]),
                  victim,
                  victimSums.of(c, thread, run[0], run[1], flag),
                  span(r, run),
                  true,
                  windowOrRun);
      if (j == null || j.severity == null) {
        // waits that span windows, or too few per run: the victim's whole time with the monitor
        int[] all = {c.window(first), c.window(pastLast - 1)};
        Judgement whole =
            judge(
                peers.over(all[0], all[1]),
                victim,
                victimSums.of(c, thread, all[0], all[1], flag),
                span(r, all),
                true,
                wholeSpan);
        if (whole != null && (whole.severity != null || neverAcquired)) {
          j = whole;
          run = all;
        } else if (!neverAcquired) {
          continue;
        }
      }
      if (j == null) {
        continue;
      }
      long start = (long) run[0] * r.windowNanos();
      long end = Math.min(r.durationNanos(), (long) (run[1] + 1) * r.windowNanos());
      Severity severity = neverAcquired ? Severity.CRITICAL : j.severity;
      if (severity == null) {
        severity = Severity.INFO;
      }
      findings.add(
          new RankedFinding(rank, finding(m, victim, j, severity, neverAcquired, start, end)));
    }
    if (findings.isEmpty()) {
      return Evaluation.nothing(); // 10,000 monitors: most have none to sort
    }
    findings.sort(BY_RANK);
    List<Finding> inThreadsOrder = new ArrayList<>(findings.size());
    for (RankedFinding f : findings) {
      inThreadsOrder.add(f.finding);
    }
    return Evaluation.found(inThreadsOrder);
  }

  /** A finding and its victim's index in {@code threads()}. */
  private record RankedFinding(int rank, Finding finding) {}

  private static final Comparator<RankedFinding> BY_RANK =
      Comparator.comparingInt(RankedFinding::rank);

  private static long span(RecordingInfo r, int[] run) {
    return Math.min(r.durationNanos(), (long) (run[1] + 1) * r.windowNanos())
        - (long) run[0] * r.windowNanos();
  }

  private Finding finding(
      MonitorStats m,
      ThreadStats victim,
      Judgement j,
      Severity severity,
      boolean neverAcquired,
      long start,
      long end) {
    String summary = summary(m.name(), victim.name(), j, neverAcquired);
    return new Finding(
        kind(),
        m.name(),
        severity,
        j.threads, // shared by every finding over the same run of windows: not copied per victim
        List.of(victim.name()),
        j.causes(),
        start,
        end,
        j.evidence(victim.totals().get(Metric.MAX_WAIT_NANOS)),
        summary,
        ADVICE);
  }

  private static final String ADVICE =
      "Make the hand-over fair: a fair lock (new ReentrantLock(true)) or a FIFO ticket, hand the"
          + " lock to the longest waiter, and stop spinning/barging (tryLock loops) in the"
          + " winning threads.";

  private static String summary(String monitor, String victim, Judgement j, boolean neverAcquired) {
    if (neverAcquired) {
      return Text.fill(
          "%s requested %s and never got it while %s took it %s times.",
          victim, monitor, Text.names(j.causes()), Text.count(j.othersAcquisitions));
    }
    return Text.fill(
        "%s got %s of %s's acquisitions against a fair share of %s and waited %s on"
            + " average while its peers waited %s, passed over %s times per acquisition,"
            + " while %s kept winning it.",
        victim,
        Text.percent(j.acquisitionShare),
        monitor,
        Text.percent(j.fairShare),
        Text.nanos(j.meanWait),
        Text.nanos(j.peerMeanWait),
        Text.fixed(j.passOversPerAcquisition, 1),
        Text.names(j.causes()));
  }

  /**
   * The numbers of one victim over a run of windows, written into {@code j}, which is returned;
   * null when the victim is alone or did nothing there.
   */
  private static Judgement judge(
      PeerTotals.Run all,
      ThreadStats victim,
      VictimSums v,
      long windowNanos,
      boolean requireSample,
      Judgement j) {
    if (Math.max(v.requests, v.acquisitions) == 0 || all.threads.size() < 2) {
      return null;
    }
    // the victim's peers are all the run's threads but the victim: sums minus its own
    long acquisitions = all.acquisitions;
    long requests = all.requests;
    long peerWait = all.wait - v.waitNanos;
    long peerWaits = all.waits - v.waitCount;
    j.severity = null;
    j.causes = null;
    j.threads = all.threads;
    j.fairShare = 1.0 / all.threads.size();
    j.acquisitionShare = acquisitions == 0 ? 0 : (double) v.acquisitions / acquisitions;
    j.requestShare = requests == 0 ? 0 : (double) Math.max(v.requests, v.acquisitions) / requests;
    j.jain =
        all.sumSquares == 0
            ? 1
            : (double) acquisitions * acquisitions / (all.threads.size() * all.sumSquares);
    long victimWaits = v.waitCount;
    j.meanWait = victimWaits == 0 ? 0 : (double) v.waitNanos / victimWaits;
    j.peerMeanWait = peerWaits == 0 ? 0 : (double) peerWait / peerWaits;
    j.inflation = j.meanWait / Math.max(PEER_WAIT_FLOOR_NANOS, j.peerMeanWait);
    j.passOversPerAcquisition = (double) v.passOvers / Math.max(1, v.acquisitions);
    j.run = all;
    j.victim = victim;
    j.othersAcquisitions = acquisitions - v.acquisitions;
    j.waitFraction = (double) v.waitNanos / Math.max(1, windowNanos);
    j.peerWaitFraction = (double) peerWait / (all.threads.size() - 1) / Math.max(1, windowNanos);
    long lostRaces = Math.max(v.passOvers, v.requests - v.acquisitions);
    if (requireSample && victimWaits < MIN_VICTIM_WAITS && lostRaces < MIN_VICTIM_WAITS) {
      return j; // too few waits or lost races to judge: no severity
    }
    if (!v.lost()) {
      return j; // no wait and no lost race: the windows evaluate() does not judge
    }
    j.severity = severity(j);
    return j;
  }

  /**
   * The severity cascade of one victim's numbers (thresholds above, each derived from the pattern's
   * definition); null when it is not starved.
   */
  private static Severity severity(Judgement j) {
    double shareRatio = j.acquisitionShare / j.fairShare;
    boolean wantsIt = j.waitFraction >= MIN_WAIT_FRACTION;
    // a spinner (tryLock loop) loses without a timed wait: its requests are counted, its waits not
    boolean losesItsRequests =
        j.requestShare > 0 && j.acquisitionShare <= WON_SHARE_OF_REQUESTS * j.requestShare;
    if (wantsIt
        && j.meanWait >= MIN_MEAN_WAIT_NANOS
        && j.inflation >= WAIT_INFLATION_CRITICAL
        && shareRatio <= SHARE_RATIO_CRITICAL) {
      return Severity.CRITICAL;
    }
    if (wantsIt
        && (j.meanWait >= MIN_MEAN_WAIT_NANOS
            || (j.waitFraction >= WAIT_FRACTION_FOR_SHORT_WAITS
                && j.meanWait >= MIN_MEAN_WAIT_INFO_NANOS)
            || j.passOversPerAcquisition >= LOST_RACES_PER_ACQUISITION)
        && j.inflation >= WAIT_INFLATION_WARNING
        && shareRatio <= SHARE_RATIO_WARNING) {
      return Severity.WARNING;
    }
    if (j.passOversPerAcquisition >= LOST_RACES_PER_ACQUISITION
        && j.inflation >= WAIT_INFLATION_WARNING
        && shareRatio <= SHARE_RATIO_WARNING) {
      return Severity.WARNING; // however rarely it asks: each request loses a race
    }
    if (wantsIt
        && j.passOversPerAcquisition >= LOST_RACES_PER_ACQUISITION
        && j.waitFraction
            >= WAIT_INFLATION_WARNING * Math.max(PEER_WAIT_FRACTION_FLOOR, j.peerWaitFraction)
        && shareRatio <= SHARE_RATIO_WARNING) {
      return Severity.WARNING;
    }
    if (j.waitFraction >= WAIT_FRACTION_FOR_SHORT_WAITS
        && j.meanWait >= MIN_MEAN_WAIT_INFO_NANOS
        && j.passOversPerAcquisition >= PASS_OVERS_PER_ACQUISITION_WARNING
        && j.inflation >= INFLATION_FOR_STARVED_SHARE
        && shareRatio <= SHARE_RATIO_WARNING) {
      return Severity.WARNING;
    }
    if (losesItsRequests && shareRatio <= SHARE_RATIO_WARNING) {
      return Severity.WARNING;
    }
    if (j.meanWait >= MIN_MEAN_WAIT_INFO_NANOS
        && j.inflation >= WAIT_INFLATION_INFO
        && shareRatio <= SHARE_RATIO_INFO) {
      return Severity.INFO;
    }
    return null;
  }

  private static final int ACQUISITIONS = ThreadColumns.column(Metric.ACQUISITIONS);
  private static final int REQUESTS = ThreadColumns.column(Metric.REQUESTS);
  private static final int PASS_OVERS = ThreadColumns.column(Metric.PASS_OVERS);
  private static final int WAIT_NANOS = ThreadColumns.column(Metric.WAIT_NANOS);
  private static final int TIMED_WAITS = ThreadColumns.column(Metric.TIMED_WAITS);
  private static final int EPISODES = ThreadColumns.column(Metric.EPISODES);
  private static final int EPISODE_NANOS = ThreadColumns.column(Metric.EPISODE_NANOS);

  /**
   * Whether entry {@code e} of the columns (a thread's window) shows a wait (at entry, or in wait
   * episodes on a flag) or a lost race (a pass-over, a request not granted): without one, {@link
   * #judge} gives no severity, so a window without one is not judged, and a thread without one in
   * any window is no victim.
   */
  private static boolean lost(ThreadColumns c, int e, boolean flag) {
    return c.get(TIMED_WAITS, e) + (flag ? c.get(EPISODES, e) : 0) > 0
        || c.get(PASS_OVERS, e) > 0
        || c.get(REQUESTS, e) > c.get(ACQUISITIONS, e);
  }

  /** A victim's figures over a run of windows, as {@link #judge} reads them. */
  private static final class VictimSums {
    long requests;
    long acquisitions;
    long passOvers;
    long waitNanos; // at entry, and in wait episodes on a flag
    long waitCount;

    /** Thread {@code i}'s sums over windows {@code from..to}, written here. */
    VictimSums of(ThreadColumns c, int i, int from, int to, boolean flag) {
      requests = 0;
      acquisitions = 0;
      passOvers = 0;
      waitNanos = 0;
      waitCount = 0;
      for (int e = c.from(i), end = c.to(i); e < end; e++) {
        int w = c.window(e);
        if (w > to) {
          break;
        }
        if (w >= from) {
          requests += c.get(REQUESTS, e);
          acquisitions += c.get(ACQUISITIONS, e);
          passOvers += c.get(PASS_OVERS, e);
          waitNanos += c.get(WAIT_NANOS, e) + (flag ? c.get(EPISODE_NANOS, e) : 0);
          waitCount += c.get(TIMED_WAITS, e) + (flag ? c.get(EPISODES, e) : 0);
        }
      }
      return this;
    }

    /**
     * Whether the sums show a wait or a lost race, as {@link #lost(ThreadColumns, int, boolean)}.
     */
    boolean lost() {
      return waitCount > 0 || passOvers > 0 || requests > acquisitions;
    }
  }

  /** The numbers behind one verdict. */
  static final class Judgement {
    Map<String, Number> evidence(long victimMaxWaitNanos) {
      Map<String, Number> evidence = new LinkedHashMap<>();
      evidence.put("victimMeanWaitNanos", Math.round(meanWait));
      evidence.put("peerMeanWaitNanos", Math.round(peerMeanWait));
      evidence.put("waitInflation", SerializationDetector.round(inflation));
      evidence.put("acquisitionShare", SerializationDetector.round(acquisitionShare));
      evidence.put("requestShare", SerializationDetector.round(requestShare));
      evidence.put("fairShare", SerializationDetector.round(fairShare));
      evidence.put("jainFairnessIndex", SerializationDetector.round(jain));
      evidence.put("passOversPerAcquisition", SerializationDetector.round(passOversPerAcquisition));
      evidence.put("victimWaitFraction", SerializationDetector.round(waitFraction));
      evidence.put("peerWaitFraction", SerializationDetector.round(peerWaitFraction));
      evidence.put("victimMaxWaitNanos", victimMaxWaitNanos);
      evidence.put("threads", threads.size());
      return evidence;
    }

    List<String> threads;
    PeerTotals.Run run;
    ThreadStats victim;
    private List<String> causes;
    double fairShare;
    double acquisitionShare;
    double requestShare;
    double jain;
    double meanWait;
    double peerMeanWait;
    double inflation;
    double passOversPerAcquisition;
    double waitFraction;
    // each peer's share of the time in waits, on average
    double peerWaitFraction;
    long othersAcquisitions;
    Severity severity;

    /**
     * The threads above their fair share, the victim excepted; asked for only when a finding is
     * made, as it can name thousands of threads.
     */
    List<String> causes() {
      if (causes == null) {
        causes = run.aboveFairShareBut(victim);
      }
      return causes;
    }
  }
}

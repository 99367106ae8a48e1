package dev.gilscope.analyzer.detect;

import dev.gilscope.analyzer.model.HoldTime;

/** SERIALIZATION's sentences: the summary of each estimate, and the advice. */
final class SerializationWording {
  static final String ADVICE =
      "Shorten the critical section or split the monitor (finer-grained or per-thread state);"
          + " CPU-bound work under one lock cannot use more cores: move it outside the lock or"
          + " into separate processes.";

  private SerializationWording() {}

  static String amdahl(
      String monitor,
      long start,
      long end,
      int threads,
      double serial,
      double holding,
      double getting,
      double outside,
      double costlessWaiting,
      double usersCores,
      int n,
      Integer cores,
      double bound,
      double ifTenthInside,
      double ifHalfInside,
      int ways,
      double ifSplit) {
    return Text.fill(
        "From %s to %s the %d threads of %s spent %s of their time holding it or getting it"
            + " (%s holding, %s waiting or acquiring) and %s outside it%s: by Amdahl's law %d"
            + " threads%s run at most %sx as fast as one. If a tenth of that time were spent inside"
            + " (the rest moved outside) they could run %sx as fast; half: %sx; split %d ways:"
            + " %sx.",
        Text.seconds(start),
        Text.seconds(end),
        threads,
        monitor,
        Text.percent(costlessWaiting > 0 ? holding + getting : serial),
        Text.percent(holding),
        Text.percent(getting),
        Text.percent(outside),
        costlessWaiting > 0
            ? Text.fill(
                "; they kept %s cores busy, so for %s of their time another thread ran while they"
                    + " waited, which idles no core (a serial fraction of %s)",
                Text.fixed(usersCores, 1), Text.percent(costlessWaiting), Text.percent(serial))
            : "",
        n,
        cores == null ? "" : " on " + cores + " cores",
        Text.fixed(bound, 2),
        Text.fixed(ifTenthInside, 2),
        Text.fixed(ifHalfInside, 2),
        ways,
        Text.fixed(ifSplit, 2));
  }

  static String occupancy(
      String monitor,
      HoldTime.Basis basis,
      double utilization,
      long start,
      long end,
      int threads,
      double averageWaiters,
      long contentionPerSecond,
      Integer cores,
      double bound,
      double serialFloor,
      int users) {
    return Text.fill(
        "%s was held %s of the time from %s to %s while %s threads contended for it (%s"
            + " waiting on average, %s contended or barged acquisitions a second); its %d users"
            + " spent at least %s of their time holding or getting it: they ran one at a time, so"
            + " on %s the monitor allows at most a %sx speed-up.",
        monitor,
        switch (basis) {
          case EXACT -> Text.percent(utilization);
          case STRATIFIED_SAMPLE ->
              "an estimated " + Text.percent(utilization) + " (from sampled holds)";
          case SCALED_MIXED_SAMPLE ->
              "an estimated "
                  + Text.percent(utilization)
                  + " (scaled from sampled holds, an upper estimate)";
        },
        Text.seconds(start),
        Text.seconds(end),
        threads,
        Text.fixed(averageWaiters, 1),
        Text.count(contentionPerSecond),
        users,
        Text.percent(serialFloor),
        cores == null ? "this machine's cores" : cores + " cores",
        Text.fixed(bound, 2));
  }
}

package dev.gilscope.analyzer.live;

import dev.gilscope.analyzer.cli.ExitCodes;
import dev.gilscope.analyzer.model.AnalysisResult;
import dev.gilscope.analyzer.model.Finding;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gilscope watch <pid>}: loads the agent into a running JVM (or finds it in one reached with
 * {@code --jmx}), streams its events and redraws the monitors and findings every interval, until
 * {@code --duration} or Ctrl-C. The target keeps running however the watch ends; if the watcher is
 * killed, the agent's lease runs out and it closes the watch's recording itself. Exit 0 on a normal
 * end, 2 with one {@code gilscope watch: ...} line when the watch cannot start.
 */
@Command(
    name = "watch",
    mixinStandardHelpOptions = true,
    description = "Watch the tracked monitors of a running JVM live.",
    sortOptions = false)
public final class WatchCommand implements Callable<Integer> {
  public static final String USAGE =
      "usage: gilscope watch <pid> (--monitor SPEC | --lock SPEC)... [--duration 30s]"
          + " [--interval 1s] [--record FILE.jfr] [--detail LEVEL] [--agent JAR]"
          + " | gilscope watch --jmx HOST:PORT ...; try 'gilscope watch --help'";

  /** How long the agent keeps a watch's recording without hearing from the watcher. */
  static final long MIN_LEASE_MILLIS = 30_000;

  /** How long to wait for the stream's first events before giving up. */
  static final long FIRST_EVENTS_NANOS = 60_000_000_000L;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "<pid>",
      description = "the JVM's process id (omit with --jmx)")
  String pid;

  @Option(
      names = "--monitor",
      paramLabel = "SPEC",
      description =
          "a monitor to track, as the agent's monitor= option: <class>#<field> or <class>")
  List<String> monitors = new ArrayList<>();

  @Option(
      names = "--lock",
      paramLabel = "SPEC",
      description = "a java.util.concurrent lock to track, as the agent's lock= option")
  List<String> locks = new ArrayList<>();

  @Option(names = "--duration", paramLabel = "TIME", description = "stop after TIME (30s, 5m)")
  String duration;

  @Option(names = "--interval", paramLabel = "TIME", description = "redraw every TIME (default 1s)")
  String interval = "1s";

  @Option(
      names = "--record",
      paramLabel = "FILE.jfr",
      description = "keep everything seen as one recording that 'gilscope analyze' reads")
  Path record;

  @Option(
      names = "--detail",
      paramLabel = "LEVEL",
      description = "the agent's detail=: contended (default), holds, all, threshold, sampled")
  String detail;

  @Option(names = "--agent", paramLabel = "JAR", description = "the agent jar to load")
  Path agent;

  @Option(
      names = "--jmx",
      paramLabel = "HOST:PORT",
      description = "watch a JVM that runs the agent (-javaagent) and exposes JMX at HOST:PORT")
  String jmx;

  private volatile boolean stopRequested;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      long intervalNanos = Durations.parseNanos("--interval", interval);
      long durationNanos =
          duration == null ? Long.MAX_VALUE : Durations.parseNanos("--duration", duration);
      Watch watch = open();
      return run(watch, out, intervalNanos, durationNanos);
    } catch (WatchException e) {
      err.println("gilscope watch: " + e.getMessage());
      return ExitCodes.BAD_USAGE_OR_INPUT;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ExitCodes.OK;
    }
  }

  /** A connected session and what to call the target in messages. */
  private record Watch(LiveSession session, String target) {}

  private Watch open() throws WatchException, InterruptedException {
    if (jmx != null) {
      if (pid != null) {
        throw new WatchException("give a pid or --jmx, not both");
      }
      if (detail != null) {
        throw new WatchException(
            "--detail needs a local watch: set detail= in the -javaagent options");
      }
      return openRemote();
    }
    if (pid == null) {
      throw new WatchException("name the JVM: gilscope watch <pid> --monitor <class>#<field>");
    }
    String options = agentOptions();
    String url = LocalTarget.attach(pid, AgentJar.find(agent), options);
    String target = "pid " + pid;
    LiveSession session = LiveSession.connect(target, url);
    try {
      session.awaitAgent(10_000_000_000L, "the agent in " + target + " registered no MBean");
    } catch (WatchException | InterruptedException e) {
      session.close();
      throw e;
    }
    return new Watch(session, target);
  }

  private Watch openRemote() throws WatchException, InterruptedException {
    if (!jmx.matches("[^:/]+:[0-9]{1,5}")) {
      throw new WatchException("--jmx " + jmx + ": use HOST:PORT, e.g. --jmx localhost:9010");
    }
    String url = "service:jmx:rmi:///jndi/rmi://" + jmx + "/jmxrmi";
    LiveSession session = LiveSession.connect(jmx, url);
    try {
      session.awaitAgent(
          3_000_000_000L,
          "no gilscope agent in the JVM at "
              + jmx
              + ": an agent cannot be loaded over JMX, start that JVM with"
              + " -javaagent:gilscope-agent.jar=monitor=...");
      List<String> tracked = session.agentTargets();
      for (String wanted : requestedTargets()) {
        if (!tracked.contains(wanted)) {
          throw new WatchException(
              "the agent at " + jmx + " tracks " + String.join(",", tracked) + ", not " + wanted);
        }
      }
    } catch (WatchException | InterruptedException e) {
      session.close();
      throw e;
    }
    return new Watch(session, jmx);
  }

  private List<String> requestedTargets() {
    List<String> targets = new ArrayList<>();
    monitors.forEach(m -> targets.add("monitor=" + m));
    locks.forEach(l -> targets.add("lock=" + l));
    return targets;
  }

  private String agentOptions() throws WatchException {
    List<String> targets = requestedTargets();
    if (targets.isEmpty()) {
      throw new WatchException(
          "name what to watch: --monitor <class>#<field> or --lock <class>#<field>");
    }
    for (String t : targets) {
      if (t.contains(",")) {
        throw new WatchException(t + ": one target per --monitor/--lock, without commas");
      }
    }
    String options = String.join(",", targets);
    if (detail != null) {
      options += ",detail=" + detail.toLowerCase(Locale.ROOT);
    }
    return options;
  }

  private int run(Watch watch, PrintWriter out, long intervalNanos, long durationNanos)
      throws WatchException, InterruptedException {
    CountDownLatch finished = new CountDownLatch(1);
    Thread hook = new Thread(() -> endOnSignal(finished), "gilscope-watch-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    LiveSession session = watch.session();
    try {
      long startEpoch = System.currentTimeMillis() * 1_000_000L;
      long origin = System.nanoTime();
      LiveAnalysis analysis = new LiveAnalysis(watch.target(), startEpoch);
      long leaseMillis = Math.max(MIN_LEASE_MILLIS, 5 * intervalNanos / 1_000_000L);
      session.start(leaseMillis, analysis::accept);
      awaitFirstEvents(session, watch.target());
      // the watch's time counts from the first events: attaching and connecting take seconds
      long start = System.nanoTime();
      startEpoch += start - origin;
      WatchView view = new WatchView(out, System.console() != null, watch.target());
      AnalysisResult last = null;
      long next = start + intervalNanos;
      while (!stopRequested) {
        long end = start + durationNanos;
        long wake = Math.min(next, end);
        sleepUntil(wake);
        if (stopRequested) {
          break;
        }
        long now = System.nanoTime();
        if (!session.renew()) {
          throw new WatchException("the agent in " + watch.target() + " ended the watch");
        }
        last = analysis.snapshot(startEpoch + (now - start));
        view.draw(last, now - start);
        // a late redraw (a busy machine) skips the intervals it missed
        next = Math.max(next + intervalNanos, now + intervalNanos / 2);
        if (now - end >= 0) {
          break;
        }
      }
      session.finish(record);
      summary(out, last, System.nanoTime() - start);
      return ExitCodes.OK;
    } finally {
      session.close();
      finished.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // shutting down: the hook is running and waits for the latch
      }
    }
  }

  private void awaitFirstEvents(LiveSession session, String target)
      throws WatchException, InterruptedException {
    long deadline = System.nanoTime() + FIRST_EVENTS_NANOS;
    while (!session.awaitFirstFlush(1_000_000_000L)) {
      if (stopRequested) {
        return;
      }
      if (!session.renew()) {
        throw new WatchException("the agent in " + target + " ended the watch");
      }
      if (System.nanoTime() - deadline > 0) {
        throw new WatchException(
            "no events from " + target + " within " + FIRST_EVENTS_NANOS / 1_000_000_000L + " s");
      }
    }
  }

  private void sleepUntil(long deadline) throws InterruptedException {
    long left;
    while (!stopRequested && (left = deadline - System.nanoTime()) > 0) {
      TimeUnit.NANOSECONDS.sleep(Math.min(left, 100_000_000L));
    }
  }

  /** Ctrl-C: let the main loop end the watch (recording, lease) and exit 0. */
  private void endOnSignal(CountDownLatch finished) {
    stopRequested = true;
    try {
      if (finished.await(15, TimeUnit.SECONDS)) {
        System.out.flush();
        Runtime.getRuntime().halt(ExitCodes.OK);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void summary(PrintWriter out, AnalysisResult last, long elapsedNanos) {
    out.printf(
        Locale.ROOT,
        "gilscope watch: ended after %s%s%n",
        WatchView.seconds(elapsedNanos),
        record == null
            ? ""
            : "; recording written to " + record + " (gilscope analyze " + record + ")");
    if (last != null) {
      for (Finding f : last.findings()) {
        out.println("  " + WatchView.findingLine(f));
      }
    }
    out.flush();
  }
}

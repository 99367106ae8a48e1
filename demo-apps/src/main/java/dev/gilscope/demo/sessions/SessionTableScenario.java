package dev.gilscope.demo.sessions;

import dev.gilscope.demo.OptionSpec;
import dev.gilscope.demo.ResultLine;
import dev.gilscope.demo.Scenario;
import dev.gilscope.demo.ScenarioOptions;
import dev.gilscope.demo.Table;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/*
 * A realistic GIL that is a JDK class: a service keeps its sessions in one java.util.Hashtable.
 *
 * Nobody synchronized anything here. The request handler calls sessions.compute(id, update), and
 * Hashtable's compute is a synchronized method that runs the update, re-rendering the session's
 * cookie from its recent pages, while it holds the table's monitor. Every request of every worker
 * passes through that one monitor, so adding workers adds no throughput: the countdown's
 * serialization, behind a JDK class. gilscope takes the table's monitor at the application's call
 * of compute, so the waits, pass-overs and handoffs are measured (monitor=java.util.Hashtable).
 *
 * Here: worker-1 .. worker-N (a request pool) serve requests for 1,000 sessions, 1 worker and N
 * workers in alternating slices (the fastest slice of each is shown); the table shows throughput
 * and the fraction of the wall time the table's monitor was held by session updates.
 *
 * Expected verdict: THRASHING and SERIALIZATION on java.util.Hashtable@... (the sessions table).
 * HotSpot's monitors are not fair: a worker that releases the table re-takes it at once while the
 * others, woken, find it taken again (barging), so THRASHING is CRITICAL on any machine; how far
 * SERIALIZATION gets depends on the cores' load (a worker preempted while it holds the table makes
 * the few sampled holds vary a lot).
 */

/** A request pool whose every request updates its session inside one shared Hashtable. */
public final class SessionTableScenario implements Scenario {
  private static final int SESSIONS = 1_000;
  private static final String[] PATHS = {"/", "/cart", "/search?q=gil", "/item/42", "/checkout"};

  @Override
  public String name() {
    return "session-table";
  }

  @Override
  public String summary() {
    return "a service that keeps its sessions in one java.util.Hashtable (a JDK class as the GIL)";
  }

  @Override
  public String seed() {
    return "the countdown's serialization behind a JDK class: Hashtable.compute runs every update"
        + " under the table's monitor";
  }

  @Override
  public String expectedFinding() {
    return "THRASHING on the sessions' java.util.Hashtable (workers barge past each other's waits),"
        + " with SERIALIZATION (held most of the time; workers add waits, not speed)";
  }

  @Override
  public String agentOptions() {
    return "monitor=java.util.Hashtable";
  }

  @Override
  public List<OptionSpec> options() {
    return List.of(
        OptionSpec.threads(4, "request workers"),
        OptionSpec.seconds(2, 1.5, "wall time of each run (1 worker, then N)"),
        new OptionSpec(
            "rounds", "R", "3", "3", "alternate the runs in R slices, keep each run's fastest"),
        OptionSpec.quick());
  }

  @Override
  public void run(ScenarioOptions options, PrintStream out) throws Exception {
    int workers = Math.max(1, options.intValue("threads"));
    long durationNanos = options.nanosOfSeconds("seconds");
    out.printf(
        "session-table: %,d sessions in one java.util.Hashtable, updated with compute() on every"
            + " request, %d cores%n",
        SESSIONS, Runtime.getRuntime().availableProcessors());
    out.println("agent options: " + agentOptions());
    AtomicInteger workerNumber = new AtomicInteger();
    // Daemon threads, never shut down: they linger until the JVM exits and keep their names.
    ExecutorService pool =
        Executors.newFixedThreadPool(
            workers,
            task -> {
              Thread thread = new Thread(task, "worker-" + workerNumber.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    SessionTable table = new SessionTable();
    serve(table, pool, 1, Math.min(durationNanos, 300_000_000L)); // warm-up
    Run one = null;
    Run many = null;
    int rounds = Math.max(1, options.intValue("rounds"));
    for (int r = 0; r < rounds; r++) {
      one = faster(one, serve(table, pool, 1, durationNanos / rounds));
      many = faster(many, serve(table, pool, workers, durationNanos / rounds));
    }

    out.println();
    Table result = new Table("run", "requests/s", "table held");
    result.row("1 worker", String.format("%,.0f", one.perSecond()), Table.percent(one.held()));
    result.row(
        workers + " workers", String.format("%,.0f", many.perSecond()), Table.percent(many.held()));
    result.print(out);
    out.println();
    out.printf(
        "%d workers: %.2fx the throughput of 1 worker; %,d sessions%n",
        workers, many.perSecond() / one.perSecond(), table.size());
    out.println(
        new ResultLine(name())
            .put("workers", workers)
            .put("one_worker_per_s", one.perSecond())
            .put("workers_per_s", many.perSecond())
            .put("scaling", many.perSecond() / one.perSecond())
            .put("sessions", table.size())
            .put("table_held_fraction", many.held()));
  }

  private record Run(long requests, long wallNanos, long heldNanos) {
    double perSecond() {
      return requests / (wallNanos / 1e9);
    }

    double held() {
      return Math.min(1.0, (double) heldNanos / wallNanos);
    }
  }

  private static Run faster(Run best, Run candidate) {
    return best == null || candidate.perSecond() > best.perSecond() ? candidate : best;
  }

  /** {@code workers} closed-loop workers on {@code table} for {@code durationNanos}. */
  private static Run serve(
      SessionTable table, ExecutorService pool, int workers, long durationNanos) throws Exception {
    long heldBefore = table.updateNanos();
    long start = System.nanoTime();
    long deadline = start + durationNanos;
    List<Future<Long>> results = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      results.add(pool.submit(() -> requests(table, deadline)));
    }
    long requests = 0;
    for (Future<Long> f : results) {
      requests += f.get();
    }
    long wall = System.nanoTime() - start;
    return new Run(requests, wall, table.updateNanos() - heldBefore);
  }

  private static long requests(SessionTable table, long deadline) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long served = 0;
    while (System.nanoTime() < deadline) {
      table.handle("s" + random.nextInt(SESSIONS), PATHS[random.nextInt(PATHS.length)]);
      served++;
    }
    return served;
  }

  /*
   * HOW TO RUN:
   *   java -jar demo-apps/target/gilscope-demos.jar session-table [--threads 4] [--seconds 2]
   *   java -javaagent:agent/target/gilscope-agent.jar=monitor=java.util.Hashtable,file=session-table.jfr \
   *        -jar demo-apps/target/gilscope-demos.jar session-table
   *   java -jar analyzer/target/gilscope-analyzer.jar analyze session-table.jfr
   */
}

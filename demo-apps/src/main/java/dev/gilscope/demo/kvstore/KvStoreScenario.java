package dev.gilscope.demo.kvstore;

import dev.gilscope.demo.OptionSpec;
import dev.gilscope.demo.Percentiles;
import dev.gilscope.demo.ResultLine;
import dev.gilscope.demo.Scenario;
import dev.gilscope.demo.ScenarioOptions;
import dev.gilscope.demo.Table;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/*
 * A realistic service with a hidden GIL: the kind of code a user would point gilscope at.
 *
 * Nobody wrote "global interpreter lock" here. KvStore is a HashMap plus an access log, and every
 * method is synchronized on the store: simple and correct. But the access log's write system
 * call runs inside that lock on every operation, and a background log-flusher fsyncs the log
 * once a second (Redis' "appendfsync everysec"), also inside the lock, for milliseconds. The
 * store's monitor is held most of the wall time, so adding clients adds no throughput, only
 * latency: the countdown's serialization, in a service.
 *
 * Here: client-1 .. client-N (a load-generator thread pool) run a closed loop of 80% GET / 20%
 * PUT on 10,000 keys, 1 client and N clients in alternating slices (the fastest slice of each is
 * shown); the table shows throughput, latency percentiles and the fraction of the wall time the
 * store's lock was held.
 *
 * Expected verdict: SERIALIZATION on KvStore (utilization near 100%, N clients no faster than 1)
 * and CONVOY behind log-flusher's long fsync holds.
 */

/** An in-process key-value store whose every operation holds one lock, under a load generator. */
public final class KvStoreScenario implements Scenario {
  private static final int KEYS = 10_000;
  private static final int VALUE_BYTES = 128;
  private static final int MAX_SAMPLES_PER_CLIENT = 1 << 19;
  private static final long FLUSH_INTERVAL_MILLIS = 1000;

  @Override
  public String name() {
    return "kv-store";
  }

  @Override
  public String summary() {
    return "a key-value service whose store and access log share one lock (hidden GIL)";
  }

  @Override
  public String seed() {
    return "the countdown's serialization in a real service: one lock around every operation and its I/O";
  }

  @Override
  public String expectedFinding() {
    return "SERIALIZATION on KvStore (lock held most of the time; clients add latency, not speed)";
  }

  @Override
  public String agentOptions() {
    return "monitor=" + KvStore.class.getName();
  }

  @Override
  public List<OptionSpec> options() {
    return List.of(
        OptionSpec.threads(4, "client threads of the load generator"),
        OptionSpec.seconds(2, 0.9, "wall time of each run (1 client, then N)"),
        new OptionSpec(
            "rounds", "R", "3", "3", "alternate the runs in R slices, keep each run's fastest"),
        OptionSpec.quick());
  }

  @Override
  public void run(ScenarioOptions options, PrintStream out) throws Exception {
    int clients = Math.max(1, options.intValue("threads"));
    long durationNanos = options.nanosOfSeconds("seconds");
    out.printf(
        "kv-store: %,d keys, 80%% GET / 20%% PUT, access log write inside the lock, fsync every %d ms, %d cores, one store for all runs%n",
        KEYS, FLUSH_INTERVAL_MILLIS, Runtime.getRuntime().availableProcessors());
    out.println("agent options: " + agentOptions());

    String[] keys = new String[KEYS];
    for (int i = 0; i < KEYS; i++) {
      keys[i] = "key-" + i;
    }
    AtomicInteger clientNumber = new AtomicInteger();
    // Daemon threads, never shut down: they linger until the JVM exits (see Lingering).
    ExecutorService loadGenerator =
        Executors.newFixedThreadPool(
            clients,
            task -> {
              Thread thread = new Thread(task, "client-" + clientNumber.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    LoadRun one = null;
    LoadRun many = null;
    // One store and one flusher for the whole run, as in a service: gilscope sees one monitor.
    try (KvStore store = new KvStore()) {
      for (String key : keys) {
        store.put(key, new byte[VALUE_BYTES]);
      }
      LogFlusher flusher = new LogFlusher(store, FLUSH_INTERVAL_MILLIS);
      flusher.start();
      load(store, keys, loadGenerator, 1, Math.min(durationNanos, 300_000_000L)); // warm-up
      // Alternating slices, keeping each run's fastest, make 1 vs N robust to a drifting machine.
      int rounds = Math.max(1, options.intValue("rounds"));
      for (int r = 0; r < rounds; r++) {
        one = faster(one, load(store, keys, loadGenerator, 1, durationNanos / rounds));
        many = faster(many, load(store, keys, loadGenerator, clients, durationNanos / rounds));
      }
      flusher.stopAndAwait();
    }

    out.println();
    Table table = new Table("run", "ops/s", "p50 us", "p90 us", "p99 us", "max us", "lock held");
    addRow(table, "1 client", one);
    addRow(table, clients + " clients", many);
    table.print(out);
    out.println();
    Table perClient = new Table("client (" + clients + "-client run)", "operations", "share");
    for (ClientShare share : many.clients()) {
      perClient.row(
          share.thread(),
          String.format("%,d", share.operations()),
          Table.percent((double) share.operations() / Math.max(1, many.operations())));
    }
    perClient.print(out);
    out.println();
    out.printf(
        "%d clients: %.2fx the throughput of 1 client, p99 latency x%.1f%n",
        clients,
        many.opsPerSecond() / one.opsPerSecond(),
        (double) many.latencies.p99() / Math.max(1, one.latencies.p99()));
    out.println(
        new ResultLine(name())
            .put("clients", clients)
            .put("one_client_ops_per_s", one.opsPerSecond())
            .put("clients_ops_per_s", many.opsPerSecond())
            .put("scaling", many.opsPerSecond() / one.opsPerSecond())
            .put("p50_us", many.latencies.p50() / 1e3)
            .put("p99_us", many.latencies.p99() / 1e3)
            .put("max_us", many.latencies.max() / 1e3)
            .put("lock_held_fraction", many.heldFraction())
            .put("one_client_lock_held_fraction", one.heldFraction())
            .put("lowest_client_share", many.lowestShare()));
  }

  /** One client's share of a run: its thread name and operations. */
  private record ClientShare(String thread, long operations) {}

  private record LoadRun(
      long operations,
      long wallNanos,
      long heldNanos,
      Percentiles latencies,
      List<ClientShare> clients) {

    double lowestShare() {
      return clients.stream().mapToLong(ClientShare::operations).min().orElse(0)
          / (double) Math.max(1, operations);
    }

    double opsPerSecond() {
      return operations / (wallNanos / 1e9);
    }

    double heldFraction() {
      return Math.min(1.0, (double) heldNanos / wallNanos);
    }
  }

  private static LoadRun faster(LoadRun best, LoadRun candidate) {
    return best == null || candidate.opsPerSecond() > best.opsPerSecond() ? candidate : best;
  }

  private static void addRow(Table table, String label, LoadRun run) {
    Percentiles p = run.latencies;
    table.row(
        label,
        String.format("%,.0f", run.opsPerSecond()),
        micros(p.p50()),
        micros(p.p90()),
        micros(p.p99()),
        micros(p.max()),
        Table.percent(run.heldFraction()));
  }

  /** {@code clients} closed-loop clients on {@code store} for {@code durationNanos}. */
  private static LoadRun load(
      KvStore store, String[] keys, ExecutorService loadGenerator, int clients, long durationNanos)
      throws Exception {
    long heldBefore = store.heldNanos();
    long start = System.nanoTime();
    long deadline = start + durationNanos;
    List<Future<long[]>> results = new ArrayList<>();
    String[] names = new String[clients];
    for (int c = 0; c < clients; c++) {
      int index = c;
      results.add(
          loadGenerator.submit(
              () -> {
                names[index] = Thread.currentThread().getName();
                return client(store, keys, deadline);
              }));
    }
    long[] all = new long[0];
    int count = 0;
    long operations = 0;
    List<ClientShare> shares = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      long[] samples = results.get(c).get(); // get() orders the write of names[c] before the read
      shares.add(new ClientShare(names[c], samples[0]));
      operations += samples[0];
      int n = samples.length - 1;
      all = Arrays.copyOf(all, count + n);
      System.arraycopy(samples, 1, all, count, n);
      count += n;
    }
    long wall = System.nanoTime() - start;
    shares.sort(Comparator.comparing(ClientShare::thread));
    return new LoadRun(
        operations, wall, store.heldNanos() - heldBefore, Percentiles.of(all, count), shares);
  }

  /** One client's closed loop: returns {operations, latency samples...}. */
  private static long[] client(KvStore store, String[] keys, long deadline) throws Exception {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long[] samples = new long[MAX_SAMPLES_PER_CLIENT + 1];
    int recorded = 0;
    long operations = 0;
    byte[] value = new byte[VALUE_BYTES];
    long now = System.nanoTime();
    while (now < deadline) {
      String key = keys[random.nextInt(keys.length)];
      if (random.nextInt(100) < 80) {
        store.get(key);
      } else {
        value[random.nextInt(VALUE_BYTES)]++;
        store.put(key, value.clone());
      }
      long done = System.nanoTime();
      if (recorded < MAX_SAMPLES_PER_CLIENT) {
        samples[1 + recorded++] = done - now;
      }
      operations++;
      now = done;
    }
    samples[0] = operations;
    return Arrays.copyOf(samples, recorded + 1);
  }

  private static String micros(long nanos) {
    return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e3);
  }

  /*
   * HOW TO RUN:
   *   java -jar demo-apps/target/gilscope-demos.jar kv-store [--threads 4] [--seconds 2]
   *   java -javaagent:agent/target/gilscope-agent.jar=monitor=dev.gilscope.demo.kvstore.KvStore,file=kv-store.jfr \
   *        -jar demo-apps/target/gilscope-demos.jar kv-store
   *   java -jar analyzer/target/gilscope-analyzer.jar analyze kv-store.jfr
   */
}

package dev.gilscope.analyzer.it.live;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The watched application: N threads take one global monitor for a short step and re-take it at
 * once (the old GIL's shape), with no agent. Prints {@code steps/s <n>} every second and exits 0
 * when a line {@code quit} (or the end of stdin) arrives. The monitor is taken in a method the loop
 * calls: an attached agent changes a method for its next calls, never a running loop.
 */
public final class LiveGilApp {
  static final Object GIL = new Object();
  static long shared;
  private static volatile boolean stop;

  private LiveGilApp() {}

  public static void main(String[] args) throws Exception {
    int threads = Integer.parseInt(args[0]);
    long[][] steps = new long[threads][8];
    Thread[] workers = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      long[] mine = steps[t];
      String name = "interp-" + (t + 1);
      workers[t] = new Thread(() -> work(mine), name);
      workers[t].start();
    }
    Thread reporter = new Thread(() -> report(steps), "reporter");
    reporter.setDaemon(true);
    reporter.start();
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null && !line.equals("quit")) {
      // keep running
    }
    stop = true;
    for (Thread w : workers) {
      w.join();
    }
    System.out.println("done");
  }

  private static void work(long[] mine) {
    while (!stop) {
      step();
      mine[0]++;
    }
  }

  static void step() {
    synchronized (GIL) {
      for (int i = 0; i < 50; i++) {
        shared += i;
      }
    }
  }

  private static void report(long[][] steps) {
    long before = 0;
    while (true) {
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        return;
      }
      long total = 0;
      for (long[] s : steps) {
        total += s[0];
      }
      System.out.println("steps/s " + (total - before));
      before = total;
    }
  }
}

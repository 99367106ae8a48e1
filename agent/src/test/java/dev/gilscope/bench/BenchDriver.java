package dev.gilscope.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A quick overhead harness (not a test, not JMH): runs {@link UncontendedBench} and {@link
 * GilBench} in child JVMs without the agent and with it in several modes, alternating the
 * configurations in every round, and prints medians side by side.
 *
 * <pre>
 * ./mvnw -q -pl agent package -DskipTests &amp;&amp; cd agent
 * java -cp target/test-classes dev.gilscope.bench.BenchDriver [rounds] [java-home]
 * </pre>
 */
public final class BenchDriver {
  private static final Path AGENT = Path.of("target/gilscope-agent.jar").toAbsolutePath();
  private static final Path CLASSES = Path.of("target/test-classes").toAbsolutePath();

  /** Multiply-adds per GIL window: ~1.5-2 million acquisitions per second on the build machine. */
  private static final int GIL_WINDOW_OPS = 200;

  private BenchDriver() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    Path java = Path.of(args.length > 1 ? args[1] : System.getProperty("java.home"), "bin", "java");
    Path jfr = Files.createTempFile("gilscope-bench-", ".jfr");
    String lock = "monitor=dev.gilscope.bench.UncontendedBench#LOCK,file=" + jfr;
    Map<String, String> uncontended = new LinkedHashMap<>();
    uncontended.put("no agent", null);
    uncontended.put(
        "agent, untracked monitor",
        "monitor=dev.gilscope.bench.UncontendedBench#OTHER,file=" + jfr);
    uncontended.put("agent, default (contended)", lock);
    uncontended.put("agent, detail=all", lock + ",detail=all");
    Map<String, List<Double>> ns =
        run(
            java,
            uncontended,
            rounds,
            jfr,
            "dev.gilscope.bench.UncontendedBench",
            "nsPerOp=([0-9.]+)",
            "20000000",
            "2000000");

    String gil = "monitor=dev.gilscope.bench.GilBench#GIL,file=" + jfr;
    Map<String, String> contended = new LinkedHashMap<>();
    contended.put("no agent", null);
    contended.put("agent, default (contended)", gil);
    contended.put("agent, detail=all", gil + ",detail=all");
    Map<String, List<Double>> wall =
        run(
            java,
            contended,
            rounds,
            jfr,
            "dev.gilscope.bench.GilBench",
            "wallMs=([0-9.]+)",
            "1000000",
            "1000000");

    System.out.println(
        "\nuncontended acquire+release, ns/op (median of "
            + rounds
            + " JVMs, each the median of 7 rounds)");
    for (Map.Entry<String, List<Double>> e : ns.entrySet()) {
      System.out.printf("  %-30s %8.2f   %s%n", e.getKey(), median(e.getValue()), e.getValue());
    }
    double base = median(wall.get("no agent"));
    System.out.println(
        "\n2-thread GIL loop ("
            + GIL_WINDOW_OPS
            + " ops per window), wall ms (median of "
            + rounds
            + " alternating runs)");
    for (Map.Entry<String, List<Double>> e : wall.entrySet()) {
      System.out.printf(
          "  %-30s %8.1f  ratio %.3f   %s%n",
          e.getKey(), median(e.getValue()), median(e.getValue()) / base, e.getValue());
    }
    Files.deleteIfExists(jfr);
  }

  private static Map<String, List<Double>> run(
      Path java,
      Map<String, String> configs,
      int rounds,
      Path jfr,
      String main,
      String regex,
      String iterations,
      String allIterations)
      throws IOException, InterruptedException {
    Map<String, List<Double>> results = new LinkedHashMap<>();
    for (int round = 0; round < rounds; round++) {
      for (Map.Entry<String, String> config : configs.entrySet()) {
        List<String> command = new ArrayList<>(List.of(java.toString()));
        if (config.getValue() != null) {
          command.add("-javaagent:" + AGENT + "=" + config.getValue());
        }
        command.addAll(List.of("-cp", CLASSES.toString(), main));
        boolean all = config.getValue() != null && config.getValue().contains("detail=all");
        command.add(main.endsWith("UncontendedBench") && all ? allIterations : iterations);
        if (main.endsWith("GilBench")) {
          command.add(String.valueOf(GIL_WINDOW_OPS));
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        Matcher m = Pattern.compile(regex).matcher(out);
        if (!m.find()) {
          throw new IllegalStateException("no result from " + command + ":\n" + out);
        }
        results
            .computeIfAbsent(config.getKey(), k -> new ArrayList<>())
            .add(Double.parseDouble(m.group(1)));
        System.out.println(config.getKey() + ": " + out.trim().replace('\n', ' '));
        Files.deleteIfExists(jfr);
      }
    }
    return results;
  }

  private static double median(List<Double> values) {
    double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(v);
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }
}

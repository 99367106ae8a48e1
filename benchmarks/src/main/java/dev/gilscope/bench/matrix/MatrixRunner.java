package dev.gilscope.bench.matrix;

import dev.gilscope.bench.CommandLines;
import dev.gilscope.bench.matrix.MatrixCase.Pattern;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/**
 * The accuracy matrix: runs every {@link MatrixCase} in a child JVM under the agent, analyses the
 * recording with the analyzer jar, and prints each pattern's precision and recall (a case counts
 * for a pattern only where its label says must or must not) and every miss with the analyzer's
 * findings of that kind as evidence.
 *
 * <p>{@code MatrixRunner <agent.jar> <analyzer.jar> <out dir> <seconds per case> [name filter]}
 */
public final class MatrixRunner {
  private static final java.util.regex.Pattern FINDING =
      java.util.regex.Pattern.compile("^\\[(INFO|WARNING|CRITICAL)\\] (\\w+) on (.*)$");

  private MatrixRunner() {}

  public static void main(String[] args) throws Exception {
    CommandSpec command = CommandLines.command("MatrixRunner");
    command.addPositional(CommandLines.positional(0, "<agent.jar>", true));
    command.addPositional(CommandLines.positional(1, "<analyzer.jar>", true));
    command.addPositional(CommandLines.positional(2, "<out dir>", true));
    command.addPositional(CommandLines.positional(3, "<seconds per case>", true));
    command.addPositional(CommandLines.positional(4, "[name filter]", false));
    ParseResult parsed;
    try {
      parsed = CommandLines.parse(command, args);
    } catch (IllegalArgumentException e) {
      System.err.println("gilscope matrix: " + e.getMessage());
      System.err.println(
          "usage: MatrixRunner <agent.jar> <analyzer.jar> <out dir> <seconds per case> [name"
              + " filter]");
      System.exit(2);
      return;
    }
    Path agent = Path.of(parsed.<String>matchedPositionalValue(0, null));
    Path analyzer = Path.of(parsed.<String>matchedPositionalValue(1, null));
    Path out = Path.of(parsed.<String>matchedPositionalValue(2, null));
    String seconds = parsed.matchedPositionalValue(3, null);
    String filter = parsed.matchedPositionalValue(4, "");
    Files.createDirectories(out);
    Map<Pattern, int[]> counts = new EnumMap<>(Pattern.class); // tp, fp, fn, tn
    for (Pattern p : Pattern.values()) {
      counts.put(p, new int[4]);
    }
    List<String> misses = new ArrayList<>();
    List<String> alarmedControls = new ArrayList<>();
    int run = 0;
    for (MatrixCase c : MatrixCase.all()) {
      if (!c.name().contains(filter)) {
        continue;
      }
      run++;
      Path jfr = out.resolve(c.name() + ".jfr");
      exec(
          out.resolve(c.name() + ".app.txt"),
          "java",
          "-javaagent:" + agent + "=" + c.agentOptions() + ",file=" + jfr,
          "-cp",
          System.getProperty("java.class.path"),
          MatrixWorkload.class.getName(),
          c.name(),
          seconds);
      Path report = out.resolve(c.name() + ".txt");
      exec(report, "java", "-jar", analyzer.toString(), "analyze", jfr.toString());
      List<String> lines = Files.readAllLines(report, StandardCharsets.UTF_8);
      StringBuilder verdict = new StringBuilder();
      for (Pattern p : Pattern.values()) {
        boolean found = found(lines, p);
        int[] n = counts.get(p);
        if (c.must().contains(p)) {
          n[found ? 0 : 2]++;
          if (!found) {
            misses.add(miss(c, p, "missed", lines));
          }
        } else if (c.mustNot().contains(p)) {
          n[found ? 1 : 3]++;
          if (found) {
            misses.add(miss(c, p, "false alarm", lines));
          }
        }
        if (found) {
          verdict.append(' ').append(p);
        }
      }
      if (c.must().isEmpty()
          && c.mustNot().size() == Pattern.values().length
          && verdict.length() > 0) {
        alarmedControls.add(c.name());
      }
      System.out.printf(
          Locale.ROOT,
          "%-48s must %s, found%s%n",
          c.name(),
          c.must(),
          verdict.length() == 0 ? " -" : verdict);
    }
    System.out.printf(Locale.ROOT, "%n%d cases, %d s each%n%n", run, Long.parseLong(seconds));
    System.out.println("| pattern | cases (must / must not) | TP | FP | FN | precision | recall |");
    System.out.println("|---|---|---|---|---|---|---|");
    for (Pattern p : Pattern.values()) {
      int[] n = counts.get(p);
      System.out.printf(
          Locale.ROOT,
          "| %s | %d / %d | %d | %d | %d | %s | %s |%n",
          p,
          n[0] + n[2],
          n[1] + n[3],
          n[0],
          n[1],
          n[2],
          ratio(n[0], n[0] + n[1]),
          ratio(n[0], n[0] + n[2]));
    }
    System.out.printf(
        Locale.ROOT,
        "%nnegative controls with a WARNING or CRITICAL finding: %s%n%n",
        alarmedControls.isEmpty() ? "none" : String.join(", ", alarmedControls));
    misses.forEach(System.out::println);
  }

  /** Whether the report has a finding of {@code p} at WARNING or above. */
  static boolean found(List<String> report, Pattern p) {
    for (String line : report) {
      Matcher m = FINDING.matcher(line.strip());
      if (m.matches() && m.group(2).equals(p.name()) && !m.group(1).equals("INFO")) {
        return true;
      }
    }
    return false;
  }

  private static String miss(MatrixCase c, Pattern p, String what, List<String> report) {
    StringBuilder b = new StringBuilder();
    b.append(what).append(": ").append(p).append(" on ").append(c.name()).append('\n');
    boolean any = false;
    for (int i = 0; i < report.size(); i++) {
      Matcher m = FINDING.matcher(report.get(i).strip());
      if (m.matches() && m.group(2).equals(p.name())) {
        any = true;
        for (int j = i; j < Math.min(report.size(), i + 5); j++) {
          b.append("    ").append(report.get(j).strip()).append('\n');
        }
      }
    }
    if (!any) {
      b.append("    no ").append(p).append(" finding at any severity\n");
    }
    return b.toString();
  }

  private static String ratio(int num, int den) {
    return den == 0 ? "-" : String.format(Locale.ROOT, "%.0f%%", 100.0 * num / den);
  }

  private static void exec(Path output, String... command)
      throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("timed out: " + String.join(" ", command));
    }
  }
}

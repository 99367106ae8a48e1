package dev.gilscope.analyzer.report;

import dev.gilscope.analyzer.model.DurationStats;
import dev.gilscope.analyzer.model.MonitorStats;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code analyze --hgrm DIR}: each monitor's wait and hold distributions as HdrHistogram
 * percentile-distribution files ({@code <monitor>.wait.hgrm}, {@code <monitor>.hold.hgrm}), values
 * in microseconds, for HdrHistogram's plotting tools and for comparing runs. A distribution without
 * a value (a JDK-events monitor has no holds) gets no file. Monitor names become file names of
 * letters, digits, '.', '_' and '-' only, at most {@link #MAX_NAME_CHARS} long; names that collide
 * get "-2", "-3", ... Called once on the CLI thread.
 */
public final class HgrmWriter {
  /** Nanoseconds per unit of the written values: microseconds. */
  static final double NANOS_PER_UNIT = 1_000.0;

  /** Longest monitor part of a file name: file systems allow 255 bytes a name. */
  static final int MAX_NAME_CHARS = 120;

  private HgrmWriter() {}

  /** Writes the files into {@code dir} (created if missing) and returns them, in monitor order. */
  public static List<Path> write(List<MonitorStats> monitors, Path dir) throws IOException {
    Files.createDirectories(dir);
    List<Path> written = new ArrayList<>();
    Set<String> taken = new HashSet<>();
    for (MonitorStats m : monitors) {
      String base = unique(safeName(m.name()), taken);
      writeIfRecorded(m.waits(), dir.resolve(base + ".wait.hgrm"), written);
      writeIfRecorded(m.holds(), dir.resolve(base + ".hold.hgrm"), written);
    }
    return written;
  }

  private static void writeIfRecorded(DurationStats stats, Path file, List<Path> written)
      throws IOException {
    if (stats.count() == 0) {
      return;
    }
    try (OutputStream os = Files.newOutputStream(file);
        PrintStream out = new PrintStream(os, false, StandardCharsets.UTF_8)) {
      stats.writePercentileDistribution(out, NANOS_PER_UNIT);
      out.flush();
      if (out.checkError()) {
        throw new IOException("cannot write '" + file + "'");
      }
    }
    written.add(file);
  }

  /** {@code name} with every character other than [A-Za-z0-9._-] replaced by '_'. */
  static String safeName(String name) {
    StringBuilder b = new StringBuilder(Math.min(name.length(), MAX_NAME_CHARS));
    for (int i = 0; i < name.length() && b.length() < MAX_NAME_CHARS; i++) {
      char c = name.charAt(i);
      boolean safe =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '_'
              || c == '-';
      b.append(safe ? c : '_');
    }
    // no hidden files: leading dots become '_'
    for (int i = 0; i < b.length() && b.charAt(i) == '.'; i++) {
      b.setCharAt(i, '_');
    }
    return b.length() == 0 ? "monitor" : b.toString();
  }

  /** {@code base}, or base-2, base-3, ... when taken; case-insensitive (macOS, Windows). */
  private static String unique(String base, Set<String> taken) {
    String name = base;
    for (int n = 2; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
      name = base + "-" + n;
    }
    return name;
  }
}

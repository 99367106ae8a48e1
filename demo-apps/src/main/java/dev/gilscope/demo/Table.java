package dev.gilscope.demo;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small aligned text table: first column left-aligned, the others right-aligned (they are
 * numbers). Not thread-safe; built and printed by the scenario's main thread.
 */
public final class Table {
  private final List<String[]> rows = new ArrayList<>();
  private final int columns;

  public Table(String... header) {
    this.columns = header.length;
    rows.add(header);
  }

  public Table row(Object... cells) {
    if (cells.length != columns) {
      throw new IllegalArgumentException(
          "row has " + cells.length + " cells, the table has " + columns + " columns");
    }
    String[] text = new String[columns];
    for (int i = 0; i < columns; i++) {
      text[i] = String.valueOf(cells[i]);
    }
    rows.add(text);
    return this;
  }

  public void print(PrintStream out) {
    int[] widths = new int[columns];
    for (String[] row : rows) {
      for (int i = 0; i < columns; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (int r = 0; r < rows.size(); r++) {
      out.println(format(rows.get(r), widths));
      if (r == 0) {
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < columns; i++) {
          rule.append(i == 0 ? "" : "  ").append("-".repeat(widths[i]));
        }
        out.println(rule);
      }
    }
  }

  private static String format(String[] row, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < row.length; i++) {
      if (i == 0) {
        line.append(row[i]).append(" ".repeat(widths[i] - row[i].length()));
      } else {
        line.append("  ").append(" ".repeat(widths[i] - row[i].length())).append(row[i]);
      }
    }
    return line.toString().stripTrailing();
  }

  /** {@code 1234.5678} as {@code "1234.57"}: two decimals, for times and rates. */
  public static String fixed2(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  /** Milliseconds of a nanosecond duration, three significant decimals. */
  public static String millis(long nanos) {
    return String.format(Locale.ROOT, "%.3f", nanos / 1e6);
  }

  /** A fraction as a percentage with one decimal. */
  public static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
  }
}

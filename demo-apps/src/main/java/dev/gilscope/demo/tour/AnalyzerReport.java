package dev.gilscope.demo.tour;

/**
 * Shortens the analyzer's text report for the tour: keeps the header and the findings, and the
 * sections of the scenario's own tracked monitor (at most {@link #MAX_MONITOR_SECTIONS}), and
 * replaces the other monitor sections (e.g. the JDK's events for {@code Thread.join}) with one
 * line. Works on the report's layout only ({@code MONITOR <name> ...} lines start sections); if the
 * layout changes, it keeps everything.
 */
final class AnalyzerReport {
  static final int MAX_MONITOR_SECTIONS = 2;
  private static final String SECTION = "MONITOR ";

  private AnalyzerReport() {}

  /**
   * The report without the sections of monitors other than the one named by {@code agentOptions}.
   */
  static String condense(String report, String agentOptions) {
    String tracked = trackedMonitorPrefix(agentOptions);
    StringBuilder kept = new StringBuilder();
    boolean keep = true;
    int shownSections = 0;
    int omittedSections = 0;
    for (String line : report.lines().toList()) {
      if (line.startsWith(SECTION)) {
        keep = line.startsWith(SECTION + tracked) && shownSections < MAX_MONITOR_SECTIONS;
        if (keep) {
          shownSections++;
        } else {
          omittedSections++;
        }
      }
      if (keep) {
        kept.append(line).append('\n');
      }
    }
    if (omittedSections > 0) {
      kept.append("(")
          .append(omittedSections)
          .append(omittedSections == 1 ? " more monitor section" : " more monitor sections")
          .append(" in the full report)\n");
    }
    return kept.toString();
  }

  /**
   * How the analyzer names the monitor of {@code monitor=C#F} / {@code lock=C#F} ({@code C#F}) or
   * of {@code monitor=C} (every instance: {@code C@<identity>}).
   */
  static String trackedMonitorPrefix(String agentOptions) {
    String target = agentOptions.substring(agentOptions.indexOf('=') + 1);
    int comma = target.indexOf(',');
    if (comma >= 0) {
      target = target.substring(0, comma);
    }
    return target.contains("#") ? target : target + "@";
  }
}

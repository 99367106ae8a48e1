package dev.gilscope.analyzer.cli;

import dev.gilscope.analyzer.detect.AgentAdvice;
import dev.gilscope.analyzer.detect.Detectors;
import dev.gilscope.analyzer.detect.MonitorIdentity;
import dev.gilscope.analyzer.model.AnalysisResult;
import dev.gilscope.analyzer.model.Finding;
import dev.gilscope.analyzer.model.FindingKind;
import dev.gilscope.analyzer.model.MonitorStats;
import dev.gilscope.analyzer.model.RecordingInfo;
import dev.gilscope.analyzer.model.Severity;
import dev.gilscope.analyzer.read.InputException;
import dev.gilscope.analyzer.read.RecordingReader;
import dev.gilscope.analyzer.report.HgrmWriter;
import dev.gilscope.analyzer.report.HtmlReport;
import dev.gilscope.analyzer.report.JsonReport;
import dev.gilscope.analyzer.report.MultiRecordingReport;
import dev.gilscope.analyzer.report.ReportWriter;
import dev.gilscope.analyzer.report.TextReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code gilscope analyze <recording.jfr>}: reads the recording, runs every detector and writes one
 * report. Exit codes in {@link ExitCodes}. Runs on the main thread; reading uses one thread per
 * core.
 */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    description =
        "Analyse JFR recordings for GIL pathologies: each recording's report, and with several"
            + " (files, or directories of .jfr files) the monitors common to more than one.",
    sortOptions = false)
final class AnalyzeCommand implements Callable<Integer> {
  private static final long PROGRESS_MIN_BYTES = 64L * 1024 * 1024;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(
      index = "0..*",
      arity = "1..*",
      paramLabel = "<recording.jfr|dir>",
      description = "JFR recordings, or directories whose *.jfr files are analysed (sorted)")
  List<Path> recordings = new ArrayList<>();

  @Option(
      names = "--format",
      paramLabel = "text|json|html",
      description = "report format: text (default, for a terminal), json, html")
  String format = "text";

  @Option(names = "--output", paramLabel = "FILE", description = "write the report to FILE")
  Path output;

  @Option(
      names = "--monitor",
      paramLabel = "NAME",
      description = "analyse only monitors whose name contains NAME")
  String monitor;

  @Option(
      names = "--fail-on",
      paramLabel = "KIND,...",
      split = ",",
      description =
          "exit 3 when one of these kinds is found at WARNING or above: SERIALIZATION,"
              + " THRASHING, CONVOY, STARVATION")
  List<String> failOn = new ArrayList<>();

  @Option(
      names = "--all-monitors",
      description =
          "text/html: show every monitor in full, also JDK-event-only monitors below the"
              + " significance threshold (JSON always lists all)")
  boolean allMonitors;

  @Option(
      names = "--hgrm",
      paramLabel = "DIR",
      description =
          "also write each monitor's wait and hold histograms to DIR as HdrHistogram"
              + " percentile-distribution files (.hgrm, microseconds)")
  Path hgrm;

  @Option(
      names = "--all-threads",
      description =
          "json: list every thread of every monitor and every finding (by default each monitor"
              + " lists its 20 busiest threads and summarises the rest)")
  boolean allThreads;

  @Option(names = "--debug", description = "print stack traces of errors")
  boolean debug;

  /** Set by {@link #parseSimple}; null when picocli parsed the command (then {@link #spec}). */
  private PrintWriter fastOut;

  private PrintWriter fastErr;

  /** The HTML report's timeline, collected while reading (html only). */
  private dev.gilscope.analyzer.timeline.TimelineCollector timeline;

  private static final Set<String> FORMATS = Set.of("text", "json", "html");

  /**
   * Parses the plain, valid forms of the command line without picocli, whose start-up (~160 classes
   * of its own and ~170 of the JDK's, with its model from annotations or built in code alike) costs
   * a fresh JVM 0.12-0.18 s of CPU (docs/analyzer.md, "Parsing the command line"): {@code analyze
   * <file>} with each of {@code --format}, {@code --output}, {@code --monitor}, {@code --fail-on}
   * (as {@code --x v} or {@code --x=v}), {@code --all-monitors}, {@code --all-threads} and {@code
   * --debug} at most once, in any order, every value valid and not starting with {@code -} or
   * {@code @}. Returns null for anything else (help, errors, argument files, repeats, {@code --}),
   * which picocli then parses and reports as before; {@code AnalyzeCommandFastPathTest} checks that
   * both parse the accepted forms alike.
   */
  static AnalyzeCommand parseSimple(String[] args, PrintWriter out, PrintWriter err) {
    if (args.length < 2 || !"analyze".equals(args[0])) {
      return null;
    }
    AnalyzeCommand c = new AnalyzeCommand();
    Set<String> seen = new java.util.HashSet<>();
    try {
      for (int i = 1; i < args.length; i++) {
        String arg = args[i];
        if (arg.isEmpty() || arg.startsWith("@")) {
          return null;
        }
        if (!arg.startsWith("-")) {
          c.recordings.add(Path.of(arg));
          continue;
        }
        String name = arg;
        String value = null;
        int eq = arg.indexOf('=');
        if (eq > 0) {
          name = arg.substring(0, eq);
          value = arg.substring(eq + 1);
        }
        if (!seen.add(name)) {
          return null;
        }
        switch (name) {
          case "--all-monitors", "--all-threads", "--debug" -> {
            if (value != null) {
              return null;
            }
            switch (name) {
              case "--debug" -> c.debug = true;
              case "--all-threads" -> c.allThreads = true;
              default -> c.allMonitors = true;
            }
            continue;
          }
          case "--format", "--output", "--monitor", "--fail-on" -> {
            // a value of its own below
          }
          default -> {
            return null;
          }
        }
        if (value == null) {
          if (i + 1 >= args.length) {
            return null;
          }
          value = args[++i];
        }
        if (value.isEmpty() || value.startsWith("-") || value.startsWith("@")) {
          return null;
        }
        switch (name) {
          case "--format" -> {
            if (!FORMATS.contains(value.toLowerCase(Locale.ROOT))) {
              return null;
            }
            c.format = value;
          }
          case "--output" -> c.output = Path.of(value);
          case "--monitor" -> c.monitor = value;
          default -> {
            if (!value.matches("[A-Za-z]+(,[A-Za-z]+)*")) {
              return null;
            }
            for (String k : value.split(",", -1)) {
              if (!isKind(k)) {
                return null;
              }
              c.failOn.add(k);
            }
          }
        }
      }
    } catch (java.nio.file.InvalidPathException e) {
      return null;
    }
    if (c.recordings.isEmpty()) {
      return null;
    }
    c.fastOut = out;
    c.fastErr = err;
    return c;
  }

  private static boolean isKind(String k) {
    for (FindingKind kind : FindingKind.values()) {
      if (kind.name().equals(k.toUpperCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  private PrintWriter out() {
    return fastOut != null ? fastOut : spec.commandLine().getOut();
  }

  private PrintWriter err() {
    return fastErr != null ? fastErr : spec.commandLine().getErr();
  }

  @Override
  public Integer call() {
    try {
      return analyseAndReport();
    } catch (OutOfMemoryError e) {
      // per-monitor state is bounded, but a recording can still outgrow a small heap (constant
      // pools, JDK monitors by address): say so in one line rather than die with a stack trace
      err()
          .println(
              "gilscope analyze: not enough memory to analyse "
                  + String.join(", ", recordings.stream().map(Path::toString).toList())
                  + " (max heap "
                  + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                  + " MB); run it with a larger heap, e.g. java -Xmx2g -jar gilscope-analyzer.jar");
      return ExitCodes.BAD_USAGE_OR_INPUT;
    }
  }

  private int analyseAndReport() {
    PrintWriter err = err();
    ReportWriter writer = writer();
    Set<FindingKind> gate = failOnKinds();
    List<AnalysisResult> results = new ArrayList<>();
    try {
      for (Path recording : RecordingFiles.expand(recordings)) {
        results.add(analyse(recording));
      }
    } catch (InputException e) {
      err.println("gilscope analyze: " + e.getMessage());
      if (debug) {
        e.printStackTrace(err);
      }
      return ExitCodes.BAD_USAGE_OR_INPUT;
    }
    if (writer instanceof HtmlReport html && timeline != null) {
      writer = html.withTimeline(timeline);
    }
    try {
      if (output == null) {
        PrintWriter out = out();
        write(writer, results, out);
        out.flush();
      } else {
        try (Writer w = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
          write(writer, results, w);
        }
      }
    } catch (IOException e) {
      err.println("gilscope analyze: cannot write '" + output + "': " + e.getMessage());
      return ExitCodes.BAD_USAGE_OR_INPUT;
    }
    if (hgrm != null) {
      try {
        for (AnalysisResult result : results) {
          // several recordings: one subdirectory each, named after the file
          Path dir =
              results.size() == 1
                  ? hgrm
                  : hgrm.resolve(
                      Path.of(result.recording().path())
                          .getFileName()
                          .toString()
                          .replaceFirst("\\.jfr$", ""));
          HgrmWriter.write(result.monitors(), dir);
        }
      } catch (IOException e) {
        err.println("gilscope analyze: cannot write histograms to '" + hgrm + "': " + e);
        return ExitCodes.BAD_USAGE_OR_INPUT;
      }
    }
    for (AnalysisResult result : results) {
      for (Finding f : result.findings()) {
        if (gate.contains(f.kind()) && f.severity().atLeast(Severity.WARNING)) {
          return ExitCodes.FAIL_ON_FOUND;
        }
      }
    }
    return ExitCodes.OK;
  }

  /** One recording: its report exactly as always; several: {@link MultiRecordingReport}. */
  private void write(ReportWriter writer, List<AnalysisResult> results, Appendable out)
      throws IOException {
    if (results.size() == 1) {
      writer.write(results.get(0), out);
    } else {
      new MultiRecordingReport(format, allMonitors, allThreads).write(results, out);
    }
  }

  private AnalysisResult analyse(Path recording) throws InputException {
    TerminalProgress progress = null;
    if (stderrIsTerminal()
        && Files.isRegularFile(recording)
        && sizeOf(recording) >= PROGRESS_MIN_BYTES) {
      progress = new TerminalProgress(System.err);
    }
    RecordingReader reader =
        new RecordingReader(
            Integer.getInteger("gilscope.readers", Runtime.getRuntime().availableProcessors()),
            RecordingReader.DEFAULT_WINDOW_NANOS,
            progress);
    if ("html".equalsIgnoreCase(format)) {
      reader.collectTimeline();
    }
    RecordingReader.ReadResult read = reader.read(recording);
    timeline = reader.timeline();
    List<MonitorStats> monitors = read.monitors();
    if (monitor != null) {
      List<MonitorStats> selected =
          monitors.stream().filter(m -> m.name().contains(monitor)).collect(Collectors.toList());
      if (selected.isEmpty()) {
        throw new InputException(
            "no monitor matches '"
                + monitor
                + "' in '"
                + recording
                + "'"
                + (monitors.isEmpty()
                    ? " (it has no lock events)"
                    : " (monitors: "
                        + monitors.stream()
                            .limit(5)
                            .map(MonitorStats::name)
                            .collect(Collectors.joining(", "))
                        + (monitors.size() > 5 ? ", ..." : "")
                        + ")"));
      }
      monitors = selected;
    }
    MonitorIdentity.Result identity = MonitorIdentity.merge(monitors);
    monitors = identity.monitors();
    RecordingInfo info = SourceScope.scopeUnavailable(read.recording(), monitors);
    Detectors.Diagnosis diagnosis = Detectors.diagnose(Detectors.all(), monitors, info);
    List<String> notes = new ArrayList<>(identity.notes());
    AgentAdvice.forRecording(monitors, info).ifPresent(notes::add);
    notes.addAll(diagnosis.notes());
    return new AnalysisResult(info, monitors, diagnosis.findings(), notes);
  }

  /**
   * Whether stderr is a terminal: {@link System#console} (stdin and stdout are one), or, on Linux,
   * stderr's file descriptor links to a terminal device (the report redirected to a file, progress
   * on the terminal).
   */
  private static boolean stderrIsTerminal() {
    if (System.console() != null) {
      return true;
    }
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return false;
    }
  }

  private static long sizeOf(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      return 0;
    }
  }

  private ReportWriter writer() {
    switch (format.toLowerCase(Locale.ROOT)) {
      case "text":
        return new TextReport(allMonitors);
      case "json":
        return new JsonReport(allThreads);
      case "html":
        return new HtmlReport(allMonitors);
      default:
        throw new ParameterException(
            spec.commandLine(), "unknown format '" + format + "', expected text, json or html");
    }
  }

  private Set<FindingKind> failOnKinds() {
    Set<FindingKind> kinds = EnumSet.noneOf(FindingKind.class);
    for (String k : failOn) {
      String name = k.trim().toUpperCase(Locale.ROOT);
      try {
        kinds.add(FindingKind.valueOf(name));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(
            spec.commandLine(),
            "unknown finding kind '"
                + k
                + "' in --fail-on, expected SERIALIZATION, THRASHING, CONVOY or STARVATION");
      }
    }
    return kinds;
  }
}

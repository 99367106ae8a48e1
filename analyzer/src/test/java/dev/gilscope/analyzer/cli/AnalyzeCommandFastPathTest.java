package dev.gilscope.analyzer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The parser of plain command lines agrees with picocli, and leaves everything else to it. */
class AnalyzeCommandFastPathTest {
  private static final PrintWriter SINK = new PrintWriter(new StringWriter());

  private static AnalyzeCommand picocli(String... args) {
    CommandLine.ParseResult r = new CommandLine(new GilscopeAnalyzer()).parseArgs(args);
    return (AnalyzeCommand) r.subcommand().commandSpec().userObject();
  }

  private static String fields(AnalyzeCommand c) {
    return String.join(
        "|",
        String.valueOf(c.recordings),
        c.format,
        String.valueOf(c.output),
        String.valueOf(c.monitor),
        String.valueOf(c.failOn),
        String.valueOf(c.allMonitors),
        String.valueOf(c.allThreads),
        String.valueOf(c.debug));
  }

  @Test
  void parsesPlainCommandLinesAsPicocliDoes() {
    for (List<String> args :
        List.of(
            List.of("analyze", "r.jfr"),
            List.of("analyze", "/tmp/a b/r.jfr", "--format", "json"),
            List.of("analyze", "--format=HTML", "r.jfr", "--output", "out.html"),
            List.of("analyze", "r.jfr", "--output=o.txt", "--monitor", "Interp#GIL"),
            List.of("analyze", "r.jfr", "--monitor=a=b", "--all-monitors", "--debug"),
            List.of("analyze", "--debug", "r.jfr", "--fail-on", "serialization,CONVOY"),
            List.of("analyze", "r.jfr", "--fail-on=Thrashing", "--format", "text"),
            List.of("analyze", "x=y.jfr", "--all-monitors"),
            List.of("analyze", "a.jfr", "b.jfr", "recordings/", "--all-threads"),
            List.of("analyze", "a.jfr", "--format", "json", "b.jfr"))) {
      String[] a = args.toArray(String[]::new);
      AnalyzeCommand fast = AnalyzeCommand.parseSimple(a, SINK, SINK);
      assertThat(fast).as("%s", args).isNotNull();
      assertThat(fields(fast)).as("%s", args).isEqualTo(fields(picocli(a)));
    }
  }

  @Test
  void leavesEverythingElseToPicocli() {
    for (List<String> args :
        List.<List<String>>of(
            List.of(),
            List.of("analyze"),
            List.of("--help"),
            List.of("analyze", "--help"),
            List.of("analyze", "-h", "r.jfr"),
            List.of("analyze", "-V"),
            List.of("analyze", "r.jfr", "--format"),
            List.of("analyze", "r.jfr", "--format", "xml"),
            List.of("analyze", "r.jfr", "--format="),
            List.of("analyze", "r.jfr", "--format", "json", "--format", "text"),
            List.of("analyze", "r.jfr", "--debug", "--debug"),
            List.of("analyze", "r.jfr", "--debug=true"),
            List.of("analyze", "r.jfr", "--monitor", "--debug"),
            List.of("analyze", "r.jfr", "--fail-on", "CONVOY,NOPE"),
            List.of("analyze", "r.jfr", "--fail-on", "CONVOY,"),
            List.of("analyze", "r.jfr", "--fail-on", "CONVOY", "--fail-on", "STARVATION"),
            List.of("analyze", "@args.txt"),
            List.of("analyze", "r.jfr", "--output", "@out"),
            List.of("analyze", "--", "r.jfr"),
            List.of("analyze", "-"),
            List.of("analyze", ""),
            List.of("analyze", "r.jfr", "--unknown"),
            List.of("analyse", "r.jfr"),
            List.of("analyze", "bad\u0000path"))) {
      assertThat(AnalyzeCommand.parseSimple(args.toArray(String[]::new), SINK, SINK))
          .as("%s", args)
          .isNull();
    }
  }
}

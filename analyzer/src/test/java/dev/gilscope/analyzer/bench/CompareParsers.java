package dev.gilscope.analyzer.bench;

import dev.gilscope.analyzer.detect.Detectors;
import dev.gilscope.analyzer.model.AnalysisResult;
import dev.gilscope.analyzer.read.RecordingReader;
import dev.gilscope.analyzer.report.JsonReport;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Not a test: analyses each recording given on the command line with gilscope's decoder and with
 * the JDK's EventStream and says whether the JSON reports are identical, with both wall times. Use
 * it on recordings from the field (agent, async-profiler, JDK) before trusting the decoder on a new
 * source.
 *
 * <pre>
 * java -cp analyzer/target/test-classes:analyzer/target/gilscope-analyzer.jar \
 *      dev.gilscope.analyzer.bench.CompareParsers a.jfr b.jfr ...
 * </pre>
 */
public final class CompareParsers {
  private CompareParsers() {}

  public static void main(String[] args) throws Exception {
    int threads = Runtime.getRuntime().availableProcessors();
    int different = 0;
    for (String arg : args) {
      Path file = Path.of(arg);
      RecordingReader auto =
          new RecordingReader(
              threads, RecordingReader.DEFAULT_WINDOW_NANOS, null, RecordingReader.Parser.AUTO);
      long t0 = System.nanoTime();
      String decoded = analyse(auto, file);
      long t1 = System.nanoTime();
      String jdk =
          analyse(
              new RecordingReader(
                  threads, RecordingReader.DEFAULT_WINDOW_NANOS, null, RecordingReader.Parser.JDK),
              file);
      long t2 = System.nanoTime();
      boolean same = decoded.equals(jdk);
      different += same ? 0 : 1;
      String out = System.getProperty("compare.out");
      if (!same && out != null) {
        String base = file.getFileName().toString();
        java.nio.file.Files.writeString(Path.of(out, base + ".gilscope.json"), decoded);
        java.nio.file.Files.writeString(Path.of(out, base + ".jdk.json"), jdk);
      }
      System.out.printf(
          Locale.ROOT,
          "%s %s: parser %s %.2f s, jdk %.2f s%n",
          same ? "SAME" : "DIFFERENT",
          file,
          auto.parserUsed(),
          (t1 - t0) / 1e9,
          (t2 - t1) / 1e9);
    }
    System.exit(different == 0 ? 0 : 1);
  }

  private static String analyse(RecordingReader reader, Path file) throws Exception {
    RecordingReader.ReadResult read = reader.read(file);
    Detectors.Diagnosis d = Detectors.diagnose(Detectors.all(), read.monitors(), read.recording());
    return JsonReport.toJson(
        new AnalysisResult(read.recording(), read.monitors(), d.findings(), d.notes()));
  }
}

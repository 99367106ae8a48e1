package dev.gilscope.jmc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gilscope.analyzer.detect.Detectors;
import dev.gilscope.analyzer.detect.MonitorIdentity;
import dev.gilscope.analyzer.model.Finding;
import dev.gilscope.analyzer.read.RecordingReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openjdk.jmc.flightrecorder.JfrLoaderToolkit;

/**
 * The rules' analysis of JMC's parsed events finds exactly what {@code gilscope analyze} finds in
 * the file: same findings, severities, windows, victims, causes and evidence, on every recording
 * the analyzer's golden reports cover (agent recordings of JDK 17 and 25, JDK-events-only and
 * async-profiler recordings).
 */
class SameFindingsAsAnalyzeTest {
  static List<Path> recordings() throws Exception {
    return Fixtures.recordings();
  }

  @ParameterizedTest
  @MethodSource("recordings")
  void jmcsEventsGiveTheAnalyzersFindings(Path recording) throws Exception {
    GilscopeAnalysis viaJmc =
        GilscopeAnalysis.analyse(JfrLoaderToolkit.loadEvents(recording.toFile()));

    assertThat(viaJmc.findings()).isEqualTo(analyzersFindings(recording));
    assertThat(viaJmc.lockEvents()).isTrue();
  }

  private static List<Finding> analyzersFindings(Path recording) throws Exception {
    RecordingReader.ReadResult read =
        new RecordingReader(1, RecordingReader.DEFAULT_WINDOW_NANOS, null).read(recording);
    List<dev.gilscope.analyzer.model.MonitorStats> monitors =
        MonitorIdentity.merge(read.monitors()).monitors();
    return Detectors.diagnose(Detectors.all(), monitors, read.recording()).findings();
  }
}

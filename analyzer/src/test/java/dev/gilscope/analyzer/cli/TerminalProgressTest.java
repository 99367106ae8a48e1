package dev.gilscope.analyzer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TerminalProgressTest {
  private static final long MB = 1 << 20;

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final TerminalProgress progress =
      new TerminalProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8));

  private String shown() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aPercentageIsPrintedOnceAndTheLineErasedAtTheEnd() {
    Path file = Path.of("/tmp/big.jfr");
    progress.bytesRead(file, 10 * MB, 100 * MB);
    progress.bytesRead(file, 10 * MB + 1, 100 * MB); // still 10%: nothing new
    progress.bytesRead(file, 50 * MB, 100 * MB);
    progress.finished();
    assertThat(shown())
        .isEqualTo(
            "\r\033[Kgilscope: reading big.jfr: 10% (10 of 100 MB)"
                + "\r\033[Kgilscope: reading big.jfr: 50% (50 of 100 MB)"
                + "\r\033[K");
  }

  @Test
  void partsAreCounted() {
    progress.partsRead(1, 2);
    assertThat(shown()).isEqualTo("\r\033[Kgilscope: read 1/2 parts of the recording");
  }
}

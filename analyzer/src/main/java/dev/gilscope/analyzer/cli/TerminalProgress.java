package dev.gilscope.analyzer.cli;

import dev.gilscope.analyzer.read.ReadProgress;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The reader's progress as one line on a terminal, rewritten in place (carriage return, then ANSI
 * erase-line): a percentage of the file's bytes, printed only when it changes, or the parts read.
 */
final class TerminalProgress implements ReadProgress {
  private static final String ERASE_LINE = "\r\033[K";

  private final PrintStream terminal;
  private int shownPercent = -1; // guarded by this

  TerminalProgress(PrintStream terminal) {
    this.terminal = terminal;
  }

  @Override
  public synchronized void partsRead(int done, int parts) {
    terminal.printf(ERASE_LINE + "gilscope: read %d/%d parts of the recording", done, parts);
    terminal.flush();
  }

  @Override
  public synchronized void bytesRead(Path file, long doneBytes, long fileBytes) {
    int percent = (int) (100 * doneBytes / Math.max(1, fileBytes));
    if (percent > shownPercent) {
      shownPercent = percent;
      terminal.printf(
          Locale.ROOT,
          ERASE_LINE + "gilscope: reading %s: %d%% (%,d of %,d MB)",
          file.getFileName(),
          percent,
          doneBytes >> 20,
          fileBytes >> 20);
      terminal.flush();
    }
  }

  @Override
  public synchronized void finished() {
    terminal.print(ERASE_LINE);
    terminal.flush();
  }
}

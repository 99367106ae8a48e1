package dev.gilscope.analyzer.read;

import java.nio.file.Path;

/**
 * How far the {@link RecordingReader} is through a file, for whoever shows it (the CLI, on a
 * terminal). Called from the reader's threads, concurrently: implementations synchronize.
 */
public interface ReadProgress {
  /**
   * The JDK's parser, which reports no bytes, has read {@code done} of the file's {@code parts}
   * (groups of chunks read in parallel).
   */
  void partsRead(int done, int parts);

  /** gilscope's decoder has read {@code doneBytes} of the file's {@code fileBytes}. */
  void bytesRead(Path file, long doneBytes, long fileBytes);

  /** Reading has ended, or fallen back to the JDK's parser: what is shown can go. */
  void finished();
}

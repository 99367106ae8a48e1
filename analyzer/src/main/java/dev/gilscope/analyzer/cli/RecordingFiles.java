package dev.gilscope.analyzer.cli;

import dev.gilscope.analyzer.read.InputException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The recordings named on the command line: files as given, a directory as its {@code *.jfr} files
 * (not its subdirectories), sorted by name so that a service's recordings over time come in order.
 * A directory without one is bad input, as a directory always was.
 */
final class RecordingFiles {
  private RecordingFiles() {}

  static List<Path> expand(List<Path> arguments) throws InputException {
    List<Path> files = new ArrayList<>();
    for (Path p : arguments) {
      if (!Files.isDirectory(p)) {
        files.add(p); // the reader says what is wrong with a missing or unreadable file
        continue;
      }
      List<Path> inside = new ArrayList<>();
      try (DirectoryStream<Path> s = Files.newDirectoryStream(p, "*.jfr")) {
        for (Path f : s) {
          if (Files.isRegularFile(f)) {
            inside.add(f);
          }
        }
      } catch (IOException e) {
        throw new InputException("cannot list directory '" + p + "': " + e.getMessage(), e);
      }
      if (inside.isEmpty()) {
        throw new InputException("'" + p + "' is a directory with no .jfr recordings");
      }
      inside.sort(null);
      files.addAll(inside);
    }
    return files;
  }
}

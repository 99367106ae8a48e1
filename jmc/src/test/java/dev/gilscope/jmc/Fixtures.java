package dev.gilscope.jmc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The analyzer's checked-in recordings (its golden-report fixtures), read in place. */
final class Fixtures {
  static final Path DIR = Path.of("../analyzer/src/test/resources/fixtures");

  private Fixtures() {}

  static Path file(String name) {
    return DIR.resolve(name);
  }

  static List<Path> recordings() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      return files.filter(p -> p.toString().endsWith(".jfr")).sorted().toList();
    }
  }
}

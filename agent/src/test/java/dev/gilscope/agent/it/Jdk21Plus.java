package dev.gilscope.agent.it;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Finds a JDK 21+ for the integration tests that need one (virtual threads, the newest JFR), with
 * no machine's path in the build: the system property {@code gilscope.test.jdk21plus}, else the
 * environment variable {@code GILSCOPE_JDK21PLUS}, else the newest JDK 21+ in the places JDK
 * installers and package managers put them. Tests skip cleanly when none is found.
 */
public final class Jdk21Plus {
  private static final int MINIMUM_FEATURE = 21;

  private Jdk21Plus() {}

  /** The home of a JDK 21+, or empty. */
  public static Optional<Path> home() {
    String named = System.getProperty("gilscope.test.jdk21plus", "");
    if (named.isBlank()) {
      named = System.getenv().getOrDefault("GILSCOPE_JDK21PLUS", "");
    }
    if (!named.isBlank()) {
      Path home = Path.of(named);
      return feature(home) >= MINIMUM_FEATURE ? Optional.of(home) : Optional.empty();
    }
    return candidates().stream()
        .filter(home -> feature(home) >= MINIMUM_FEATURE)
        .max(Comparator.comparingInt(Jdk21Plus::feature));
  }

  private static List<Path> candidates() {
    String user = System.getProperty("user.home", "");
    List<Path> roots =
        List.of(
            Path.of("/usr/lib/jvm"),
            Path.of("/opt/java"),
            Path.of("/Library/Java/JavaVirtualMachines"),
            Path.of(user, ".sdkman", "candidates", "java"),
            Path.of(user, ".jdks"));
    List<Path> homes = new ArrayList<>();
    for (Path root : roots) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (Stream<Path> children = Files.list(root)) {
        children.forEach(
            child -> {
              homes.add(child);
              homes.add(child.resolve("Contents").resolve("Home")); // macOS bundles
            });
      } catch (IOException e) {
        // an unreadable folder holds no JDK we can use
      }
    }
    return homes;
  }

  /** The JDK's feature version from its {@code release} file, or 0 when it is not a usable JDK. */
  static int feature(Path home) {
    Path release = home.resolve("release");
    if (!Files.isExecutable(home.resolve("bin").resolve("java")) || !Files.isRegularFile(release)) {
      return 0;
    }
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(release)) {
      properties.load(in);
    } catch (IOException e) {
      return 0;
    }
    String version = properties.getProperty("JAVA_VERSION", "").replace("\"", "");
    String feature = version.split("[.+-]", 2)[0];
    try {
      return Integer.parseInt(feature);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}

package dev.gilscope.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.net.URISyntaxException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * Copies the probe and event classes, stored in the agent jar as the nested jar {@value #NESTED}
 * where no class loader can find them, to a temporary file and appends it to the bootstrap class
 * path when a tracked class belongs to the JDK (its instrumented methods can only see bootstrap
 * classes), else to the system class path (appending to the bootstrap path makes the JVM print a
 * class-data-sharing warning and restricts CDS to boot classes). Either way, every loader that
 * delegates to the system loader resolves the probe to one single copy. Runs once, in premain: one
 * entry copied, where extracting class by class walked the agent jar's 3,000 entries and wrote a
 * jar (~20 ms of CPU).
 */
final class BootstrapJar {
  static final String NESTED = "gilscope-agent-boot.jar";
  private static final Set<PosixFilePermission> OWNER_ONLY =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

  private BootstrapJar() {}

  static void append(Instrumentation instrumentation, boolean bootstrap)
      throws IOException, URISyntaxException {
    Path agentJar =
        Path.of(GilscopeAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path bootJar = newTemporaryFile();
    bootJar.toFile().deleteOnExit();
    // not verified: the agent jar is not signed, and its signature check loads the security classes
    try (JarFile in = new JarFile(agentJar.toFile(), false)) {
      ZipEntry nested = in.getEntry(NESTED);
      if (nested == null) {
        throw new IOException("no " + NESTED + " in " + agentJar + " (a broken agent build?)");
      }
      try (InputStream data = in.getInputStream(nested);
          OutputStream file = Files.newOutputStream(bootJar)) {
        data.transferTo(file);
      }
    }
    if (bootstrap) {
      instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(bootJar.toFile()));
    } else {
      instrumentation.appendToSystemClassLoaderSearch(new JarFile(bootJar.toFile()));
    }
  }

  /**
   * A new file only this user can read, named without {@code Files.createTempFile}, whose random
   * name would initialize a {@code SecureRandom} (the security providers, ~0.1 s of CPU at start).
   * The clock makes the name unique enough; an existing file is never reused.
   */
  private static Path newTemporaryFile() throws IOException {
    Path directory = Path.of(System.getProperty("java.io.tmpdir"));
    long stamp = System.nanoTime();
    for (int attempt = 0; ; attempt++) {
      Path candidate = directory.resolve("gilscope-boot-" + (stamp + attempt) + ".jar");
      try {
        return Files.createFile(candidate, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      } catch (UnsupportedOperationException e) {
        return Files.createFile(candidate); // not a POSIX file system
      } catch (FileAlreadyExistsException e) {
        if (attempt >= 100) {
          throw e;
        }
      }
    }
  }
}

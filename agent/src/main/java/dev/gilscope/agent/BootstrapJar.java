package dev.gilscope.agent;

import java.io.BufferedOutputStream;
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
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Extracts the probe and event classes, stored in the agent jar under {@value #PREFIX} where no
 * class loader can find them, into a temporary jar and appends it to the bootstrap class path when
 * a tracked class belongs to the JDK (its instrumented methods can only see bootstrap classes),
 * else to the system class path (appending to the bootstrap path makes the JVM print a
 * class-data-sharing warning and restricts CDS to boot classes). Either way, every loader that
 * delegates to the system loader resolves the probe to one single copy. Runs once, in premain.
 */
final class BootstrapJar {
  static final String PREFIX = "gilscope-boot/";
  private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);
  private static final Set<PosixFilePermission> OWNER_ONLY =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

  private BootstrapJar() {}

  static void append(Instrumentation instrumentation, boolean bootstrap)
      throws IOException, URISyntaxException {
    Path agentJar =
        Path.of(GilscopeAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path bootJar = newTemporaryFile();
    bootJar.toFile().deleteOnExit();
    int classes = 0;
    // not verified: the agent jar is not signed, and its signature check loads the security classes
    try (JarFile in = new JarFile(agentJar.toFile(), false);
        OutputStream file = Files.newOutputStream(bootJar);
        ZipOutputStream out = new ZipOutputStream(new BufferedOutputStream(file))) {
      Enumeration<JarEntry> entries = in.entries();
      while (entries.hasMoreElements()) {
        JarEntry entry = entries.nextElement();
        String name = entry.getName();
        if (entry.isDirectory() || !name.startsWith(PREFIX)) {
          continue;
        }
        try (InputStream data = in.getInputStream(entry)) {
          putStored(out, name.substring(PREFIX.length()), data.readAllBytes());
        }
        classes++;
      }
    }
    if (classes == 0) {
      throw new IOException(
          "no " + PREFIX + " classes in " + agentJar + " (a broken agent build?)");
    }
    if (bootstrap) {
      instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(bootJar.toFile()));
    } else {
      instrumentation.appendToSystemClassLoaderSearch(new JarFile(bootJar.toFile()));
    }
  }

  /**
   * An uncompressed entry with a fixed local time: a compressed one costs a Deflater per class, and
   * the current time would initialize the default time zone (reading tzdb.dat) only to stamp it.
   */
  private static void putStored(ZipOutputStream out, String name, byte[] data) throws IOException {
    ZipEntry entry = new ZipEntry(name);
    entry.setMethod(ZipEntry.STORED);
    entry.setSize(data.length);
    entry.setCompressedSize(data.length);
    CRC32 crc = new CRC32();
    crc.update(data);
    entry.setCrc(crc.getValue());
    entry.setTimeLocal(ENTRY_TIME);
    out.putNextEntry(entry);
    out.write(data);
    out.closeEntry();
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

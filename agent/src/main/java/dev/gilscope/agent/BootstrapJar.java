package dev.gilscope.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

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

  private BootstrapJar() {}

  static void append(Instrumentation instrumentation, boolean bootstrap)
      throws IOException, URISyntaxException {
    Path agentJar =
        Path.of(GilscopeAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path bootJar = Files.createTempFile("gilscope-boot-", ".jar");
    bootJar.toFile().deleteOnExit();
    int classes = 0;
    try (JarFile in = new JarFile(agentJar.toFile());
        OutputStream file = Files.newOutputStream(bootJar);
        JarOutputStream out = new JarOutputStream(file)) {
      Enumeration<JarEntry> entries = in.entries();
      while (entries.hasMoreElements()) {
        JarEntry entry = entries.nextElement();
        String name = entry.getName();
        if (entry.isDirectory() || !name.startsWith(PREFIX)) {
          continue;
        }
        out.putNextEntry(new JarEntry(name.substring(PREFIX.length())));
        try (InputStream data = in.getInputStream(entry)) {
          data.transferTo(out);
        }
        out.closeEntry();
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
}

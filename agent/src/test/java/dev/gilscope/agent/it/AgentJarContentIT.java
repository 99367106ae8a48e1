package dev.gilscope.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * The shaded agent jar lands on the application's class path: anything outside the agent's own
 * packages (an unrelocated {@code net/bytebuddy/}, a {@code module-info}, a service file) would
 * clash with or leak into the host application.
 */
class AgentJarContentIT {

  private static final List<String> ALLOWED_PREFIXES =
      List.of("dev/gilscope/agent/", "META-INF/licenses/");

  private static final List<String> ALLOWED_FILES =
      List.of(
          "META-INF/MANIFEST.MF",
          "META-INF/LICENSE",
          "META-INF/NOTICE",
          "gilscope.jfc",
          // probe and event classes, a nested jar copied out to the bootstrap or system class path
          "gilscope-agent-boot.jar");

  @Test
  void containsOnlyTheAgentsOwnAndRelocatedClasses() throws IOException {
    List<String> strays = new ArrayList<>();
    try (JarFile jar = new JarFile(agentJar().toFile())) {
      for (ZipEntry entry : Collections.list(jar.entries())) {
        String name = entry.getName();
        boolean allowed =
            ALLOWED_FILES.contains(name)
                || ALLOWED_PREFIXES.stream().anyMatch(name::startsWith)
                // the parent folders of the allowed entries
                || (name.endsWith("/")
                    && ALLOWED_PREFIXES.stream().anyMatch(prefix -> prefix.startsWith(name)));
        if (!allowed || name.endsWith("module-info.class")) {
          strays.add(name);
        }
      }
    }
    assertThat(strays).as("entries that would leak into the host application").isEmpty();
  }

  @Test
  void carriesByteBuddyRelocatedAndNoServiceFiles() throws IOException {
    try (JarFile jar = new JarFile(agentJar().toFile())) {
      assertThat(jar.getEntry("dev/gilscope/agent/shaded/bytebuddy/ByteBuddy.class")).isNotNull();
      assertThat(Collections.list(jar.entries()))
          .extracting(ZipEntry::getName)
          .noneMatch(n -> n.startsWith("net/"))
          .noneMatch(n -> n.startsWith("META-INF/services/"))
          .noneMatch(n -> n.startsWith("META-INF/versions/"));
    }
  }

  /**
   * Apache-2.0 (Byte Buddy) and ASM's BSD license require their texts wherever they are shipped.
   */
  @Test
  void carriesTheLicensesAndNoticesOfWhatItBundles() throws IOException {
    try (JarFile jar = new JarFile(agentJar().toFile())) {
      assertThat(text(jar, "META-INF/LICENSE")).contains("Apache License", "Version 2.0");
      assertThat(text(jar, "META-INF/NOTICE")).contains("Rafael Winterhalter");
      assertThat(text(jar, "META-INF/licenses/ASM")).contains("INRIA", "Redistribution and use");
    }
  }

  private static String text(JarFile jar, String name) throws IOException {
    ZipEntry entry = jar.getEntry(name);
    assertThat(entry).as(name).isNotNull();
    try (InputStream in = jar.getInputStream(entry)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void theNestedBootJarHoldsTheProbeAndEventClassesOnly() throws IOException {
    List<String> classes = new ArrayList<>();
    try (JarFile jar = new JarFile(agentJar().toFile());
        JarInputStream boot =
            new JarInputStream(jar.getInputStream(jar.getEntry("gilscope-agent-boot.jar")))) {
      for (JarEntry e = boot.getNextJarEntry(); e != null; e = boot.getNextJarEntry()) {
        if (e.getName().endsWith(".class")) {
          classes.add(e.getName());
        }
      }
    }
    assertThat(classes)
        .contains(
            "dev/gilscope/agent/probe/Probe.class", "dev/gilscope/agent/event/MonitorHold.class")
        .allMatch(
            n ->
                n.startsWith("dev/gilscope/agent/probe/")
                    || n.startsWith("dev/gilscope/agent/event/"));
  }

  @Test
  void manifestDeclaresTheAgent() throws IOException {
    try (JarFile jar = new JarFile(agentJar().toFile())) {
      Manifest manifest = jar.getManifest();
      assertThat(manifest.getMainAttributes().getValue("Premain-Class"))
          .isEqualTo("dev.gilscope.agent.GilscopeAgent");
      assertThat(manifest.getMainAttributes().getValue("Can-Retransform-Classes"))
          .isEqualTo("true");
    }
  }

  private static Path agentJar() {
    String jar = System.getProperty("gilscope.agent.jar");
    assertThat(jar).as("system property gilscope.agent.jar").isNotNull();
    return Path.of(jar);
  }
}

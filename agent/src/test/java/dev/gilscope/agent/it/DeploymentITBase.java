package dev.gilscope.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gilscope.contract.GilscopeEvents;
import dev.gilscope.contract.GilscopeFields;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import jdk.jfr.consumer.RecordedEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent where applications actually load their classes: a plug-in jar opened with a {@code
 * URLClassLoader} after start-up, two loaders defining the same class, a named module on the module
 * path, and a target that is never loaded. Subclasses choose the JDK. (The Spring Boot executable
 * jar is tested by the analyzer's {@code SpringBootIT}, which also analyzes its recording.)
 */
abstract class DeploymentITBase {
  static final String PLUGIN_GIL = "dev.gilscope.itapps.plugin.PluginGil#GIL";

  @TempDir Path tmp;

  abstract Path javaHome();

  @Test
  void aPluginLoadedAfterStartUpIsCountedExactly() throws Exception {
    Path file = tmp.resolve("plugin.jfr");
    String missingField = "dev.gilscope.itapps.plugin.PluginGil#NOPE";
    ChildJvm.Result r =
        plugin("monitor=" + PLUGIN_GIL + ",monitor=" + missingField + ",file=" + file, "one");
    assertThat(r.exitCode).as(r.toString()).isZero();
    // the class is not on the class path at start-up: its fields are checked when it is defined
    assertThat(gilscopeLines(r))
        .containsExactly(
            "gilscope: monitor="
                + missingField
                + ": class dev.gilscope.itapps.plugin.PluginGil has no field NOPE (its object"
                + " fields: GIL) (in loader plugins); not tracked");
    Recorded rec = new Recorded(file);
    AgentITBase.assertAgentHealthy(rec);
    String name = "plugins/" + PLUGIN_GIL;
    assertThat(rec.stat(name, "acquisitions")).isEqualTo(r.expected("plugin.acquisitions"));
    assertThat(rec.stat(name, "reentrantEntries"))
        .isEqualTo(r.expected("plugin.acquisitions") / 10);
    List<RecordedEvent> status = statusInTimeOrder(rec);
    assertThat(status.get(0).getString(GilscopeFields.TARGETS))
        .isEqualTo("monitor=" + PLUGIN_GIL + ": not seen, monitor=" + missingField + ": not seen");
    assertThat(status.get(status.size() - 1).getString(GilscopeFields.TARGETS))
        .isEqualTo("monitor=" + PLUGIN_GIL + ": seen, monitor=" + missingField + ": seen");
  }

  @Test
  void twoLoadersDefiningTheSameClassAreTwoMonitors() throws Exception {
    Path file = tmp.resolve("two.jfr");
    ChildJvm.Result r = plugin("monitor=" + PLUGIN_GIL + ",file=" + file, "two");
    assertThat(r.exitCode).as(r.toString()).isZero();
    assertThat(gilscopeLines(r)).isEmpty();
    Recorded rec = new Recorded(file);
    AgentITBase.assertAgentHealthy(rec);
    String named = "plugin-a/" + PLUGIN_GIL;
    String unnamed = r.expectations().get("plugin.b.loader") + "/" + PLUGIN_GIL;
    assertThat(unnamed).startsWith("java.net.URLClassLoader@");
    assertThat(
            rec.of(GilscopeEvents.MONITOR_STATISTICS).stream()
                .map(e -> e.getString(GilscopeFields.MONITOR_NAME)))
        .containsOnly(named, unnamed);
    assertThat(rec.stat(named, "acquisitions")).isEqualTo(r.expected("plugin.a.acquisitions"));
    assertThat(rec.stat(unnamed, "acquisitions")).isEqualTo(r.expected("plugin.b.acquisitions"));
  }

  @Test
  void anApplicationOnTheModulePathIsCountedExactly() throws Exception {
    Path modules = tmp.resolve("mods");
    compileModule(modules.resolve("gilscope.modapp"));
    Path file = tmp.resolve("module.jfr");
    ChildJvm.Result r =
        new ChildJvm(javaHome())
            .agent("monitor=dev.gilscope.modapp.ModGil#GIL,file=" + file)
            .launch(
                List.of(
                    "--module-path",
                    modules.toString(),
                    "-m",
                    "gilscope.modapp/dev.gilscope.modapp.ModGil"))
            .finish(120);
    assertThat(r.exitCode).as(r.toString()).isZero();
    assertThat(gilscopeLines(r)).isEmpty();
    assertThat(r.expectations().get("mod.module")).isEqualTo("gilscope.modapp");
    Recorded rec = new Recorded(file);
    AgentITBase.assertAgentHealthy(rec);
    // the application class loader defines the module's classes: the name is the plain one
    assertThat(rec.stat("dev.gilscope.modapp.ModGil#GIL", "acquisitions"))
        .isEqualTo(r.expected("mod.acquisitions"));
  }

  @Test
  void aTargetNeverLoadedGetsOneLineWithSuggestionsAndTheRecordingIsWritten() throws Exception {
    Path file = tmp.resolve("unseen.jfr");
    String typo = "dev.gilscope.itapps.GilLop#GIL";
    ChildJvm.Result r =
        new ChildJvm(javaHome())
            .agent("monitor=" + typo + ",monitor=" + AgentITBase.GIL + ",file=" + file)
            .run(AgentITBase.SCENARIOS, "gil");
    assertThat(gilscopeLines(r))
        .containsExactly(
            "gilscope: monitor="
                + typo
                + ": class dev.gilscope.itapps.GilLop was never loaded; did you mean"
                + " dev.gilscope.itapps.GilLoop?");
    Recorded rec = AgentITBase.exactGilRecording(r, file);
    List<RecordedEvent> status = statusInTimeOrder(rec);
    assertThat(status.get(status.size() - 1).getString(GilscopeFields.TARGETS))
        .isEqualTo("monitor=" + typo + ": not seen, monitor=" + AgentITBase.GIL + ": seen");
  }

  /**
   * Runs {@code PluginHost} from a jar of its own, with the plug-in in a jar off the class path.
   */
  private ChildJvm.Result plugin(String options, String mode) throws Exception {
    Path host = jar(tmp.resolve("host.jar"), "dev/gilscope/itapps/PluginHost.class");
    Path plugin = jar(tmp.resolve("plugin.jar"), "dev/gilscope/itapps/plugin/");
    return new ChildJvm(javaHome())
        .classPath(host.toString())
        .agent(options)
        .run("dev.gilscope.itapps.PluginHost", plugin.toString(), mode);
  }

  /** A jar of the compiled test classes whose paths start with one of {@code prefixes}. */
  static Path jar(Path jar, String... prefixes) throws IOException {
    List<Path> classes;
    try (Stream<Path> all = Files.walk(ChildJvm.TEST_CLASSES)) {
      classes =
          all.filter(Files::isRegularFile)
              .filter(p -> startsWithAny(relative(p), prefixes))
              .sorted()
              .collect(Collectors.toList());
    }
    assertThat(classes).as("test classes under %s", List.of(prefixes)).isNotEmpty();
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream jarOut = new JarOutputStream(out)) {
      for (Path c : classes) {
        jarOut.putNextEntry(new JarEntry(relative(c)));
        Files.copy(c, jarOut);
        jarOut.closeEntry();
      }
    }
    return jar;
  }

  private static String relative(Path p) {
    return ChildJvm.TEST_CLASSES.relativize(p).toString().replace('\\', '/');
  }

  private static boolean startsWithAny(String path, String... prefixes) {
    for (String prefix : prefixes) {
      if (path.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /** Compiles the module in the test resources' {@code modapp} folder into {@code out}. */
  private static void compileModule(Path out) throws IOException {
    Path sources = ChildJvm.TEST_CLASSES.resolve("modapp");
    List<String> args = new ArrayList<>(List.of("--release", "17", "-d", out.toString()));
    try (Stream<Path> all = Files.walk(sources)) {
      all.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertThat(javac.run(null, null, null, args.toArray(new String[0]))).isZero();
  }

  static List<String> gilscopeLines(ChildJvm.Result r) {
    return r.stderr.lines().filter(l -> l.startsWith("gilscope:")).collect(Collectors.toList());
  }

  static List<RecordedEvent> statusInTimeOrder(Recorded rec) {
    List<RecordedEvent> status = new ArrayList<>(rec.of(GilscopeEvents.AGENT_STATUS));
    status.sort(Comparator.comparing(RecordedEvent::getStartTime));
    assertThat(status).isNotEmpty();
    return status;
  }
}

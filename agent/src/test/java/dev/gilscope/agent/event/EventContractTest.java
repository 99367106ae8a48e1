package dev.gilscope.agent.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gilscope.contract.ContractCheck;
import dev.gilscope.contract.EventSchema;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jdk.jfr.Event;
import jdk.jfr.EventType;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.commons.ClassRemapper;
import net.bytebuddy.jar.asm.commons.Remapper;
import org.junit.jupiter.api.Test;

/**
 * The agent's event classes declare exactly what the event contract ({@link EventSchema}) says:
 * every type, every field with its value type and unit, no more, no less. And the agent needs the
 * contract only at compile time: no compiled agent class refers to it (its constants are inlined),
 * so neither the agent jar nor its nested boot jar has to carry it.
 */
class EventContractTest {
  private static final Path CLASSES = classesDirectory();

  @Test
  void everyContractTypeHasOneEventClassAndEveryEventClassIsInTheContract() throws Exception {
    List<String> declared = new ArrayList<>();
    for (Class<? extends Event> c : agentEventClasses()) {
      declared.add(EventType.getEventType(c).getName());
    }
    assertThat(declared)
        .containsExactlyInAnyOrderElementsOf(
            Stream.of(EventSchema.values()).map(EventSchema::typeName).toList());
  }

  @Test
  void eachEventClassDeclaresTheContractsFieldsInTheirUnits() throws Exception {
    List<String> differences = new ArrayList<>();
    for (Class<? extends Event> c : agentEventClasses()) {
      differences.addAll(ContractCheck.differences(EventType.getEventType(c)));
    }
    assertThat(differences).isEmpty();
  }

  @Test
  void gilscopeJfcConfiguresEveryContractType() throws IOException {
    String jfc;
    try (InputStream in = EventContractTest.class.getResourceAsStream("/gilscope.jfc")) {
      assertThat(in).as("gilscope.jfc on the class path").isNotNull();
      jfc = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<String> configured = new ArrayList<>();
    Matcher m = Pattern.compile("<event name=\"(gilscope\\.[^\"]+)\"").matcher(jfc);
    while (m.find()) {
      configured.add(m.group(1));
    }
    assertThat(configured)
        .containsExactlyInAnyOrderElementsOf(
            Stream.of(EventSchema.values()).map(EventSchema::typeName).toList());
  }

  @Test
  void noAgentClassNeedsTheContractAtRunTime() throws IOException {
    List<String> referring = new ArrayList<>();
    List<Path> classes;
    try (Stream<Path> files = Files.walk(CLASSES)) {
      classes = files.filter(p -> p.toString().endsWith(".class")).toList();
    }
    for (Path p : classes) {
      if (usesContractClass(Files.readAllBytes(p))) {
        referring.add(CLASSES.relativize(p).toString());
      }
    }
    assertThat(classes).isNotEmpty();
    assertThat(referring).as("agent classes that load a contract class").isEmpty();
  }

  /**
   * Whether the class refers to a contract class in its code, members, annotations or signatures.
   * An entry of its constant pool that nothing uses does not count: javac records there the class
   * each inlined constant came from (for dependency tools), which the JVM never resolves.
   */
  private static boolean usesContractClass(byte[] classFile) {
    boolean[] found = {false};
    Remapper recorder =
        new Remapper() {
          @Override
          public String map(String internalName) {
            found[0] |= internalName.startsWith("dev/gilscope/contract/");
            return internalName;
          }
        };
    new ClassReader(classFile).accept(new ClassRemapper(new ClassWriter(0), recorder), 0);
    return found[0];
  }

  /** Every JFR event class in this package of the agent's compiled classes. */
  private static List<Class<? extends Event>> agentEventClasses() throws Exception {
    String pkg = EventContractTest.class.getPackageName();
    Path dir = CLASSES.resolve(pkg.replace('.', '/'));
    List<Class<? extends Event>> events = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.sorted().toList()) {
        String file = p.getFileName().toString();
        if (!file.endsWith(".class")) {
          continue;
        }
        Class<?> c = Class.forName(pkg + "." + file.substring(0, file.length() - 6));
        if (Event.class.isAssignableFrom(c)) {
          events.add(c.asSubclass(Event.class));
        }
      }
    }
    return events;
  }

  private static Path classesDirectory() {
    try {
      return Path.of(
          MonitorAcquire.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}

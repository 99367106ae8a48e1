package dev.gilscope.agent.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gilscope.contract.EventSchema;
import dev.gilscope.contract.GilscopeEvents;
import dev.gilscope.contract.Unit;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import jdk.jfr.AnnotationElement;
import jdk.jfr.ContentType;
import jdk.jfr.Event;
import jdk.jfr.EventType;
import jdk.jfr.ValueDescriptor;
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
  /** JFR's own fields of every event, which the contract does not list. */
  private static final Set<String> IMPLICIT =
      Set.of("startTime", "duration", "eventThread", "stackTrace");

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
    for (Class<? extends Event> c : agentEventClasses()) {
      EventType type = EventType.getEventType(c);
      EventSchema schema = EventSchema.of(type.getName()).orElseThrow();
      assertThat(type.getCategoryNames()).as(type.getName()).startsWith(GilscopeEvents.CATEGORY);
      assertThat(declaredFields(type)).as(type.getName()).isEqualTo(contractFields(schema));
    }
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

  /** Field name to "jfr type [unit annotation]", as JFR registers the event class. */
  private static Map<String, String> declaredFields(EventType type) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (ValueDescriptor d : type.getFields()) {
      if (IMPLICIT.contains(d.getName())) {
        continue;
      }
      Set<String> units = new TreeSet<>();
      for (AnnotationElement a : d.getAnnotationElements()) {
        if (a.getAnnotation(ContentType.class) != null) {
          units.add(a.getTypeName() + "=" + a.getValue("value"));
        }
      }
      fields.put(d.getName(), d.getTypeName() + " " + units);
    }
    return fields;
  }

  private static Map<String, String> contractFields(EventSchema schema) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (EventSchema.Field f : schema.fields()) {
      Unit u = f.unit();
      fields.put(
          f.name(),
          u.jfrType() + " " + (u.annotation() == null ? "[]" : "[" + u.annotation() + "]"));
    }
    return fields;
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
      return Path.of(MonitorAcquire.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}

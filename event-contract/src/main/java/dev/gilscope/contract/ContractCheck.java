package dev.gilscope.contract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import jdk.jfr.AnnotationElement;
import jdk.jfr.ContentType;
import jdk.jfr.EventType;
import jdk.jfr.ValueDescriptor;

/**
 * Compares an event type as JFR registered it (from an event class, {@link EventType#getEventType},
 * or from a recording's metadata) with the contract: the tests of the agent's event classes and of
 * the analyzer's test doubles use it, so that every writer of gilscope events is held to the one
 * {@link EventSchema}.
 */
public final class ContractCheck {
  /** JFR's own fields of every event, which the contract does not list. */
  public static final Set<String> IMPLICIT_FIELDS =
      Set.of("startTime", "duration", "eventThread", "stackTrace");

  private ContractCheck() {}

  /**
   * What the type declares differently from the contract, one line per difference: a field the
   * contract lacks, a field it lacks, another value type or unit, another category. Empty when the
   * type is exactly as the contract says.
   */
  public static List<String> differences(EventType type) {
    List<String> differences = new ArrayList<>();
    Optional<EventSchema> schema = EventSchema.of(type.getName());
    if (schema.isEmpty()) {
      differences.add(type.getName() + " is not a gilscope event type");
      return differences;
    }
    List<String> categories = type.getCategoryNames();
    if (categories.isEmpty() || !categories.get(0).equals(GilscopeEvents.CATEGORY)) {
      differences.add(type.getName() + ": category " + categories);
    }
    Map<String, String> declared = declaredFields(type);
    Map<String, String> expected = new LinkedHashMap<>();
    for (EventSchema.Field f : schema.get().fields()) {
      expected.put(f.name(), describe(f.unit().jfrType(), f.unit().annotation()));
    }
    declared.forEach(
        (name, what) -> {
          String want = expected.get(name);
          if (want == null) {
            differences.add(type.getName() + "." + name + " (" + what + "): not in the contract");
          } else if (!want.equals(what)) {
            differences.add(type.getName() + "." + name + ": " + what + ", contract: " + want);
          }
        });
    expected.forEach(
        (name, want) -> {
          if (!declared.containsKey(name)) {
            differences.add(type.getName() + "." + name + " (" + want + "): missing");
          }
        });
    return differences;
  }

  /** Field name to "value type [unit annotations]", JFR's implicit fields left out. */
  private static Map<String, String> declaredFields(EventType type) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (ValueDescriptor d : type.getFields()) {
      if (IMPLICIT_FIELDS.contains(d.getName())) {
        continue;
      }
      Set<String> units = new TreeSet<>();
      for (AnnotationElement a : d.getAnnotationElements()) {
        if (a.getAnnotation(ContentType.class) != null) {
          units.add(a.getTypeName() + "=" + a.getValue("value"));
        }
      }
      fields.put(
          d.getName(), describe(d.getTypeName(), units.isEmpty() ? null : String.join(",", units)));
    }
    return fields;
  }

  private static String describe(String jfrType, String annotation) {
    return annotation == null ? jfrType : jfrType + " @" + annotation;
  }
}

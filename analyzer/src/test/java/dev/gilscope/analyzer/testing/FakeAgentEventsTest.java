package dev.gilscope.analyzer.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gilscope.contract.ContractCheck;
import dev.gilscope.contract.EventSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import jdk.jfr.Event;
import jdk.jfr.EventType;
import org.junit.jupiter.api.Test;

/**
 * The analyzer's test doubles of the agent's events are the event contract's types, each with every
 * field in its unit: a recording made with them has what an agent recording has.
 */
class FakeAgentEventsTest {
  @Test
  void theFakesAreEveryContractTypeWithEveryField() {
    List<String> types = new ArrayList<>();
    List<String> differences = new ArrayList<>();
    for (Class<?> c : FakeAgentEvents.class.getDeclaredClasses()) {
      if (Event.class.isAssignableFrom(c)
          && !java.lang.reflect.Modifier.isAbstract(c.getModifiers())) {
        EventType type = EventType.getEventType(c.asSubclass(Event.class));
        types.add(type.getName());
        differences.addAll(ContractCheck.differences(type));
      }
    }
    assertThat(differences).isEmpty();
    assertThat(types)
        .containsExactlyInAnyOrderElementsOf(
            Stream.of(EventSchema.values()).map(EventSchema::typeName).toList());
  }
}

package dev.gilscope.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class EventSchemaTest {
  @Test
  void everyTypeNameConstantHasASchemaAndNoSchemaLacksOne() throws Exception {
    Set<String> named = new TreeSet<>();
    for (Field f : GilscopeEvents.class.getFields()) {
      String value = (String) f.get(null);
      if (value.startsWith(GilscopeEvents.PREFIX) && !value.equals(GilscopeEvents.PREFIX)) {
        named.add(value);
      }
    }
    Set<String> schemas = new TreeSet<>();
    for (EventSchema s : EventSchema.values()) {
      schemas.add(s.typeName());
      assertThat(EventSchema.of(s.typeName())).contains(s);
    }
    assertThat(schemas).isEqualTo(named).hasSize(8);
    assertThat(EventSchema.of("jdk.JavaMonitorEnter")).isEmpty();
  }

  @Test
  void everyFieldNameConstantBelongsToSomeTypeAndEveryFieldIsAConstant() throws Exception {
    Set<String> constants = new TreeSet<>();
    for (Field f : GilscopeFields.class.getDeclaredFields()) {
      if (Modifier.isPublic(f.getModifiers()) && Modifier.isStatic(f.getModifiers())) {
        constants.add((String) f.get(null));
      }
    }
    Set<String> used = new TreeSet<>();
    for (EventSchema s : EventSchema.values()) {
      s.fields().forEach(f -> used.add(f.name()));
    }
    assertThat(used).isEqualTo(constants);
  }

  @Test
  void aFieldSharedByTwoTypesHasOneUnit() {
    for (EventSchema a : EventSchema.values()) {
      for (EventSchema b : EventSchema.values()) {
        for (EventSchema.Field f : a.fields()) {
          b.field(f.name())
              .ifPresent(
                  g -> assertThat(g.unit()).as(a + "/" + b + " " + f.name()).isEqualTo(f.unit()));
        }
      }
    }
  }

  @Test
  void theMonitorFieldsComeFirstAndStatisticsHaveTheSampledStrata() {
    assertThat(EventSchema.MONITOR_STATISTICS.fields().get(0).name())
        .isEqualTo(GilscopeFields.MONITOR_ID);
    assertThat(EventSchema.MONITOR_STATISTICS.field(GilscopeFields.SAMPLED_HOLD))
        .map(EventSchema.Field::unit)
        .contains(Unit.NANOSECONDS);
    assertThat(EventSchema.MONITOR_ACQUIRE.field(GilscopeFields.MONITOR_CLASS)).isEmpty();
    assertThat(EventSchema.MONITOR_HOLD.fields()).hasSize(5);
  }
}

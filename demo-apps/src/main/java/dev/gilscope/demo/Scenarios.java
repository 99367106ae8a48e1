package dev.gilscope.demo;

import dev.gilscope.demo.countdown.CountdownScenario;
import java.util.List;
import java.util.Optional;

/** The explicit list of scenarios, in the order of the tour (the seeds' story). */
public final class Scenarios {
  private static final List<Scenario> ALL =
      List.of(
          new CountdownScenario(),
          new dev.gilscope.demo.oldgil.OldGilScenario(),
          new dev.gilscope.demo.jucgil.JucGilScenario(),
          new dev.gilscope.demo.fairgil.FairGilScenario(),
          new dev.gilscope.demo.nogil.NoGilScenario(),
          new dev.gilscope.demo.newgil.NewGilScenario(),
          new dev.gilscope.demo.iooutside.IoOutsideScenario(),
          new dev.gilscope.demo.starvation.StarvationScenario(),
          new dev.gilscope.demo.kvstore.KvStoreScenario());

  private Scenarios() {}

  public static List<Scenario> all() {
    return ALL;
  }

  public static Optional<Scenario> byName(String name) {
    return ALL.stream().filter(s -> s.name().equals(name)).findFirst();
  }
}

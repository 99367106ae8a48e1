package dev.gilscope.demo;

import dev.gilscope.demo.countdown.CountdownScenario;
import dev.gilscope.demo.fairgil.FairGilScenario;
import dev.gilscope.demo.iooutside.IoOutsideScenario;
import dev.gilscope.demo.jucgil.JucGilScenario;
import dev.gilscope.demo.kvstore.KvStoreScenario;
import dev.gilscope.demo.newgil.NewGilScenario;
import dev.gilscope.demo.nogil.NoGilScenario;
import dev.gilscope.demo.oldgil.OldGilScenario;
import dev.gilscope.demo.sessions.SessionTableScenario;
import dev.gilscope.demo.starvation.StarvationScenario;
import java.util.List;
import java.util.Optional;

/**
 * The explicit list of scenarios, in the order of the tour: the seeds' story from serialization
 * (countdown) through the old GIL's thrashing and its fix, the new GIL's convoy and its fix,
 * starvation, the no-GIL control, a service with a hidden GIL, and one whose GIL is a JDK class.
 */
public final class Scenarios {
  private static final List<Scenario> ALL =
      List.of(
          new CountdownScenario(),
          new OldGilScenario(),
          new JucGilScenario(),
          new FairGilScenario(),
          new NewGilScenario(),
          new IoOutsideScenario(),
          new StarvationScenario(),
          new NoGilScenario(),
          new KvStoreScenario(),
          new SessionTableScenario());

  private Scenarios() {}

  public static List<Scenario> all() {
    return ALL;
  }

  public static Optional<Scenario> byName(String name) {
    return ALL.stream().filter(s -> s.name().equals(name)).findFirst();
  }
}

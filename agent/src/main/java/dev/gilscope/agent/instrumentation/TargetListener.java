package dev.gilscope.agent.instrumentation;

import dev.gilscope.agent.probe.Targets;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.utility.JavaModule;

/**
 * Marks a target class as seen when any loader defines it, and, at installation, when it was
 * already loaded. Called on class-loading threads for every class: one name comparison per target.
 */
final class TargetListener extends AgentBuilder.Listener.Adapter {
  @Override
  public void onDiscovery(String typeName, ClassLoader loader, JavaModule module, boolean loaded) {
    Targets.loaded(typeName);
  }
}

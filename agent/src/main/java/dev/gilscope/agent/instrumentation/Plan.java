package dev.gilscope.agent.instrumentation;

import dev.gilscope.agent.config.Target;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What to rewrite, derived from the options once at premain and shared read-only by the
 * transformers (which run on class-loading threads).
 */
final class Plan {
  final boolean monitorSites;
  final boolean lockSites;

  /** Tracked fields; the index of each is baked into the bytecode that reports its writes. */
  final List<Target> fields;

  /** Binary names of {@code monitor=C} classes. */
  final Set<String> classMonitors;

  final boolean debug;

  Plan(List<Target> targets, boolean debug) {
    this.debug = debug;
    boolean monitors = false;
    boolean locks = false;
    List<Target> fieldTargets = new ArrayList<>();
    Set<String> classes = new HashSet<>();
    for (Target t : targets) {
      if (t.isLock()) {
        locks = true;
      } else {
        monitors = true;
      }
      if (t.isField()) {
        fieldTargets.add(t);
      } else {
        classes.add(t.className());
      }
    }
    this.monitorSites = monitors;
    this.lockSites = locks;
    this.fields = Collections.unmodifiableList(fieldTargets);
    this.classMonitors = Collections.unmodifiableSet(classes);
  }

  /** Index of the tracked field {@code owner.name} (internal owner name), or -1. */
  int fieldIndex(String ownerInternalName, String name) {
    for (int i = 0; i < fields.size(); i++) {
      Target t = fields.get(i);
      if (t.fieldName().equals(name) && t.internalName().equals(ownerInternalName)) {
        return i;
      }
    }
    return -1;
  }
}

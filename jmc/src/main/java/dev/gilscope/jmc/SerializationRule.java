package dev.gilscope.jmc;

import dev.gilscope.analyzer.model.FindingKind;

/**
 * gilscope's SERIALIZATION finding as a JMC rule (docs/docs/patterns.md); see {@link GilscopeRule}.
 */
public final class SerializationRule extends GilscopeRule {
  public SerializationRule() {
    super(FindingKind.SERIALIZATION, "GIL serialization (gilscope)");
  }
}

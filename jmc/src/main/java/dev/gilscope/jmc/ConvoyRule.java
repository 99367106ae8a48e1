package dev.gilscope.jmc;

import dev.gilscope.analyzer.model.FindingKind;

/** gilscope's CONVOY finding as a JMC rule (docs/docs/patterns.md); see {@link GilscopeRule}. */
public final class ConvoyRule extends GilscopeRule {
  public ConvoyRule() {
    super(FindingKind.CONVOY, "Lock convoy (gilscope)");
  }
}

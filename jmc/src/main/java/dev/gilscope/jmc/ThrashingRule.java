package dev.gilscope.jmc;

import dev.gilscope.analyzer.model.FindingKind;

/** gilscope's THRASHING finding as a JMC rule (docs/docs/patterns.md); see {@link GilscopeRule}. */
public final class ThrashingRule extends GilscopeRule {
  public ThrashingRule() {
    super(FindingKind.THRASHING, "GIL thrashing (gilscope)");
  }
}

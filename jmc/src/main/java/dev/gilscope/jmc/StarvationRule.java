package dev.gilscope.jmc;

import dev.gilscope.analyzer.model.FindingKind;

/**
 * gilscope's STARVATION finding as a JMC rule (docs/docs/patterns.md); see {@link GilscopeRule}.
 */
public final class StarvationRule extends GilscopeRule {
  public StarvationRule() {
    super(FindingKind.STARVATION, "Lock starvation (gilscope)");
  }
}

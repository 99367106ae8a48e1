package dev.gilscope.jmc;

import dev.gilscope.analyzer.model.Severity;

/**
 * A finding's severity as JMC's 0-100 score. JMC draws a rule at 75 and above as a warning, at 25
 * to 74 as information and below 25 as OK ({@code org.openjdk.jmc.flightrecorder.rules.Severity});
 * a CRITICAL and a WARNING finding are both JMC warnings, CRITICAL ranked above.
 */
final class FindingScore {
  static final double CRITICAL = 100;
  static final double WARNING = 80;
  static final double INFO = 50;
  static final double NONE = 0;

  private FindingScore() {}

  /** The score of the most severe finding, {@link #NONE} for none (null). */
  static double of(Severity severity) {
    if (severity == null) {
      return NONE;
    }
    return switch (severity) {
      case CRITICAL -> CRITICAL;
      case WARNING -> WARNING;
      case INFO -> INFO;
    };
  }
}

package dev.gilscope.analyzer.detect;

import dev.gilscope.analyzer.model.Finding;
import java.util.List;

/**
 * What one detector concluded on one monitor: zero or more findings, or why it could not judge.
 *
 * @param notApplicableReason null when the detector ran
 */
public record Evaluation(List<Finding> findings, String notApplicableReason) {
  public static Evaluation found(List<Finding> findings) {
    return new Evaluation(List.copyOf(findings), null);
  }

  public static Evaluation nothing() {
    return new Evaluation(List.of(), null);
  }

  public static Evaluation notApplicable(String reason) {
    return new Evaluation(List.of(), reason);
  }

  public boolean isApplicable() {
    return notApplicableReason == null;
  }
}

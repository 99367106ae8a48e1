package dev.gilscope.analyzer.report;

import dev.gilscope.analyzer.model.AnalysisResult;
import java.io.IOException;

/** Renders the one {@link AnalysisResult} in one format. Stateless; called on the CLI thread. */
public interface ReportWriter {
  void write(AnalysisResult result, Appendable out) throws IOException;
}

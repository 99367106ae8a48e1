package dev.gilscope.analyzer.cli;

/** Entry point of {@code java -jar gilscope-analyzer.jar}. */
public final class GilscopeAnalyzer {
  private GilscopeAnalyzer() {}

  public static void main(String[] args) {
    System.err.println("gilscope: the analyzer is not built yet");
    System.exit(2);
  }
}

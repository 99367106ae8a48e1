package dev.gilscope.demo;

/** Entry point of {@code java -jar gilscope-demos.jar <scenario>}. */
public final class DemoMain {
  private DemoMain() {}

  public static void main(String[] args) {
    System.err.println("gilscope demos: no scenario is built yet");
    System.exit(2);
  }
}

package dev.gilscope.agent.probe;

import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Which {@code monitor=}/{@code lock=} classes have been loaded so far, by any class loader. A
 * target class that is not loaded yet is not an error: a plug-in loader, an application server or
 * Spring Boot's launcher may define it later. Written by class-loading threads (the transformer's
 * listener) and read by the {@code AgentStatus} hook and the exit report.
 */
public final class Targets {
  private static volatile String[] options = new String[0];
  private static volatile String[] classNames = new String[0];
  private static volatile AtomicIntegerArray seen = new AtomicIntegerArray(0);

  private Targets() {}

  /** Called once in premain: each target as written in the options, and its class's binary name. */
  public static void configure(String[] optionTexts, String[] binaryClassNames) {
    classNames = binaryClassNames.clone();
    options = optionTexts.clone();
    seen = new AtomicIntegerArray(binaryClassNames.length);
  }

  /** A class named {@code binaryName} was loaded (or found loaded) by some loader. */
  public static void loaded(String binaryName) {
    String[] names = classNames;
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(binaryName)) {
        seen.set(i, 1);
      }
    }
  }

  public static int count() {
    return classNames.length;
  }

  public static boolean isSeen(int index) {
    return seen.get(index) != 0;
  }

  public static String option(int index) {
    return options[index];
  }

  public static String className(int index) {
    return classNames[index];
  }

  /** E.g. {@code monitor=a.B#f: seen, monitor=c.D: not seen} (the AgentStatus field). */
  public static String summary() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < count(); i++) {
      b.append(i == 0 ? "" : ", ").append(option(i)).append(isSeen(i) ? ": seen" : ": not seen");
    }
    return b.toString();
  }
}

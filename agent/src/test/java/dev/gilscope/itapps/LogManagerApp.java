package dev.gilscope.itapps;

import java.util.logging.LogManager;

/**
 * An application that installs its own {@code java.util.logging} manager from {@code main}, as
 * application servers do: that only works if nothing initialized {@code LogManager} before, so an
 * agent that touches JUL or the platform MBean server in premain breaks it. Prints the manager's
 * class as {@code logmanager.class}.
 */
public final class LogManagerApp {
  public static final Object LOCK = new Object();

  private LogManagerApp() {}

  /** The application's own manager. */
  public static final class OwnLogManager extends LogManager {}

  public static void main(String[] args) {
    System.setProperty("java.util.logging.manager", OwnLogManager.class.getName());
    synchronized (LOCK) {
      Scenarios.expect("logmanager.class", LogManager.getLogManager().getClass().getName());
    }
  }
}

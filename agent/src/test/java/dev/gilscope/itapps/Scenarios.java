package dev.gilscope.itapps;

/**
 * Runs the named scenarios one after the other in this JVM and prints the exact expected counts as
 * {@code name=value} lines, which the integration tests compare with the recording. Args: scenario
 * names (gil, sleepy, sync, hashtable, shared-table, lock, shapes, virtual), optionally followed by
 * an exit mode (exit-main, exit-system, exit-sigterm).
 */
public final class Scenarios {
  private Scenarios() {}

  public static void main(String[] args) throws Exception {
    String exitMode = "exit-main";
    for (String arg : args) {
      switch (arg) {
        case "gil":
          GilLoop.run(3, 3000, 200);
          break;
        case "sleepy":
          SleepyHolder.run();
          break;
        case "sync":
          SyncMethods.run(3, 3000);
          break;
        case "hashtable":
          HashtableApp.run(2, 2000);
          break;
        case "shared-table":
          SharedHashtable.run(4, 50_000);
          break;
        case "lock":
          LockApp.run(3, 2000);
          break;
        case "shapes":
          ExitShapes.run(20_000);
          break;
        case "virtual":
          VirtualThreadsApp.run(200, 50);
          break;
        case "exit-main":
        case "exit-system":
        case "exit-sigterm":
          exitMode = arg;
          break;
        default:
          throw new IllegalArgumentException("unknown scenario " + arg);
      }
    }
    System.out.println("scenarios done");
    System.out.flush();
    if (exitMode.equals("exit-system")) {
      Thread exiter = new Thread(() -> System.exit(3), "exiter");
      exiter.start();
      exiter.join();
    } else if (exitMode.equals("exit-sigterm")) {
      System.out.println("READY");
      System.out.flush();
      Thread.sleep(60_000);
    }
  }

  static void expect(String name, long value) {
    System.out.println(name + "=" + value);
  }

  static void expect(String name, String value) {
    System.out.println(name + "=" + value);
  }
}

package dev.gilscope.analyzer.live;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import com.sun.tools.attach.VirtualMachineDescriptor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * A JVM on this machine, watched through the Attach API: checks that the process is a JVM that
 * accepts attaching (before attaching: the attach mechanism signals its target with SIGQUIT, which
 * ends a process that is not a JVM), loads the agent, reads back what the agent did with the
 * options, and starts the JVM's local JMX agent for the stream. Every refusal is a {@link
 * WatchException} and leaves the target as it was.
 */
final class LocalTarget {
  /** The system property where the agent leaves the outcome of each load (LiveAgent). */
  static final String LOAD_PROPERTY = "dev.gilscope.agent.load";

  private LocalTarget() {}

  /** Attaches, loads the agent with {@code agentOptions}, returns the JMX service URL. */
  static String attach(String pid, Path agentJar, String agentOptions) throws WatchException {
    checkIsAttachableJvm(pid);
    VirtualMachine vm;
    try {
      vm = VirtualMachine.attach(pid);
    } catch (AttachNotSupportedException e) {
      throw new WatchException(refusal(pid, e), e);
    } catch (IOException e) {
      throw new WatchException("cannot attach to process " + pid + ": " + e.getMessage(), e);
    }
    try {
      Properties before = vm.getSystemProperties();
      checkJavaVersion(pid, before);
      load(vm, pid, agentJar, agentOptions, before.getProperty(LOAD_PROPERTY, ""));
      return vm.startLocalManagementAgent();
    } catch (IOException e) {
      throw new WatchException("lost the connection to process " + pid + ": " + e.getMessage(), e);
    } finally {
      try {
        vm.detach();
      } catch (IOException e) {
        // the attach connection is gone either way
      }
    }
  }

  private static void checkIsAttachableJvm(String pid) throws WatchException {
    if (!pid.matches("[0-9]{1,10}")) {
      throw new WatchException("'" + pid + "' is not a process id");
    }
    Optional<ProcessHandle> process = ProcessHandle.of(Long.parseLong(pid));
    if (process.isEmpty() || !process.get().isAlive()) {
      throw new WatchException("no process with id " + pid);
    }
    for (VirtualMachineDescriptor d : VirtualMachine.list()) {
      if (d.id().equals(pid)) {
        return;
      }
    }
    String me = System.getProperty("user.name");
    Optional<String> user = process.get().info().user();
    if (user.isPresent() && !user.get().equals(me)) {
      throw new WatchException(
          "process "
              + pid
              + " belongs to user "
              + user.get()
              + ": a JVM can only be watched by its own user (run the watch as "
              + user.get()
              + ")");
    }
    String command = process.get().info().command().orElse("unknown command");
    Path perfData = Path.of(System.getProperty("java.io.tmpdir"), "hsperfdata_" + me, pid);
    if (Files.exists(perfData)) {
      // a JVM of this user that the Attach API does not list: its attach mechanism is off
      throw new WatchException(disabled(pid));
    }
    throw new WatchException(
        "process "
            + pid
            + " ("
            + command
            + ") is not a JVM this user can attach to (the Attach API does not list it;"
            + " nor would it list a JVM started with -XX:-UsePerfData)");
  }

  private static String disabled(String pid) {
    return "process "
        + pid
        + " has the attach mechanism disabled (-XX:+DisableAttachMechanism): start it with"
        + " -javaagent:gilscope-agent.jar=monitor=... and JMX, then watch it with --jmx";
  }

  private static String refusal(String pid, AttachNotSupportedException e) {
    String message = String.valueOf(e.getMessage());
    if (message.contains("does not support the attach mechanism")
        || message.contains("DisableAttachMechanism")) {
      return disabled(pid);
    }
    return "cannot attach to process " + pid + ": " + message;
  }

  private static void checkJavaVersion(String pid, Properties properties) throws WatchException {
    String version = properties.getProperty("java.specification.version", "0");
    int feature;
    try {
      feature = Integer.parseInt(version.startsWith("1.") ? version.substring(2) : version);
    } catch (NumberFormatException e) {
      feature = 0;
    }
    if (feature < 17) {
      throw new WatchException(
          "process "
              + pid
              + " runs Java "
              + version
              + "; the gilscope agent needs Java 17 or newer");
    }
  }

  private static void load(
      VirtualMachine vm, String pid, Path agentJar, String options, String previous)
      throws WatchException, IOException {
    try {
      vm.loadAgent(agentJar.toString(), options);
    } catch (AgentLoadException | AgentInitializationException e) {
      throw new WatchException(
          "process " + pid + " could not load " + agentJar + ": " + e.getMessage(), e);
    }
    String outcome = vm.getSystemProperties().getProperty(LOAD_PROPERTY, "");
    if (outcome.isEmpty() || outcome.equals(previous)) {
      throw new WatchException(
          "the agent loaded into process "
              + pid
              + " but did not report back (an older gilscope agent already runs there?)");
    }
    // "<n> ok <message>" or "<n> error <message>"
    String[] parts = outcome.split(" ", 3);
    if (parts.length == 3 && parts[1].equals("error")) {
      throw new WatchException(parts[2] + " (process " + pid + " runs on unchanged)");
    }
  }
}

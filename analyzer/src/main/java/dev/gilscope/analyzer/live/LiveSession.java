package dev.gilscope.analyzer.live;

import dev.gilscope.analyzer.read.EventNames;
import dev.gilscope.contract.GilscopeEvents;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javax.management.JMException;
import javax.management.JMX;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import jdk.jfr.consumer.RecordedEvent;
import jdk.management.jfr.FlightRecorderMXBean;
import jdk.management.jfr.RecordingInfo;
import jdk.management.jfr.RemoteRecordingStream;

/**
 * One watch over JMX: a lease on the agent's {@code dev.gilscope:type=Agent} MBean, and a {@link
 * RemoteRecordingStream} with gilscope's events (JDK 16+'s JFR streaming over JMX), whose recording
 * the agent closes by itself if the lease runs out. {@link #close} stops the recording, copies it
 * to the {@code --record} file, ends the lease and disconnects. Used by the watch's main thread;
 * the events arrive on the stream's thread.
 */
final class LiveSession implements AutoCloseable {
  static final String AGENT_BEAN = "dev.gilscope:type=Agent";

  private final String where;
  private final JMXConnector connector;
  private final MBeanServerConnection connection;
  private final ObjectName agent;
  private final FlightRecorderMXBean recorder;
  private long watch = -1;
  private long recordingId = -1;
  private RemoteRecordingStream stream;
  private final java.util.concurrent.CountDownLatch firstFlush =
      new java.util.concurrent.CountDownLatch(1);

  private LiveSession(String where, JMXConnector connector) throws IOException, JMException {
    this.where = where;
    this.connector = connector;
    this.connection = connector.getMBeanServerConnection();
    this.agent = new ObjectName(AGENT_BEAN);
    this.recorder =
        JMX.newMXBeanProxy(
            connection,
            new ObjectName(FlightRecorderMXBean.MXBEAN_NAME),
            FlightRecorderMXBean.class);
  }

  // A JMX client deserializes what the JMX agent sends, as JConsole does: the user names the agent
  // (a local JVM of their own, or --jmx), so it is trusted like any JMX tool's target.
  @SuppressWarnings("BanJNDI")
  static LiveSession connect(String where, String serviceUrl) throws WatchException {
    try {
      JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(serviceUrl));
      return new LiveSession(where, connector);
    } catch (IOException | JMException | SecurityException e) {
      throw new WatchException(
          "cannot connect to the JMX agent of " + where + ": " + e.getMessage(), e);
    }
  }

  /** The innermost cause's message, on one line: JMX nests naming and RMI exceptions. */
  static String rootMessage(Throwable e) {
    Throwable root = e;
    while (next(root) != null && next(root) != root) {
      root = next(root);
    }
    String message =
        root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return message.lines().findFirst().orElse(message).strip();
  }

  private static Throwable next(Throwable e) {
    return e instanceof javax.naming.NamingException n && n.getRootCause() != null
        ? n.getRootCause()
        : e.getCause();
  }

  /** Waits until the agent's MBean is there (it registers it on its own thread). */
  void awaitAgent(long timeoutNanos, String missing) throws WatchException, InterruptedException {
    long deadline = System.nanoTime() + timeoutNanos;
    try {
      while (!connection.isRegistered(agent)) {
        if (System.nanoTime() - deadline > 0) {
          throw new WatchException(missing);
        }
        Thread.sleep(100);
      }
    } catch (IOException e) {
      throw lost(e);
    }
  }

  @SuppressWarnings("unchecked") // an MXBean's List<String> attribute arrives as String[]
  List<String> agentTargets() throws WatchException {
    try {
      Object targets = connection.getAttribute(agent, "Targets");
      return targets instanceof String[] names ? List.of(names) : (List<String>) targets;
    } catch (IOException e) {
      throw lost(e);
    } catch (JMException e) {
      throw new WatchException("the agent in " + where + " answers no targets: " + e, e);
    }
  }

  /** Begins the lease and starts streaming the gilscope events to {@code consumer}. */
  void start(long leaseMillis, Consumer<RecordedEvent> consumer) throws WatchException {
    try {
      watch = (Long) invoke("beginWatch", leaseMillis);
      Set<Long> before = recordingIds();
      stream = new RemoteRecordingStream(connection);
      for (Long id : recordingIds()) {
        if (!before.contains(id)) {
          recordingId = id;
        }
      }
      invoke("watchRecording", watch, recordingId);
      stream.setSettings(settings());
      stream.onEvent(consumer);
      stream.onFlush(firstFlush::countDown);
      stream.startAsync();
    } catch (IOException e) {
      throw lost(e);
    }
  }

  /** Whether the stream delivered its first flush of events within the timeout. */
  boolean awaitFirstFlush(long timeoutNanos) throws InterruptedException {
    return firstFlush.await(timeoutNanos, java.util.concurrent.TimeUnit.NANOSECONDS);
  }

  /** Renews the lease; false when the agent ended the watch (its lease ran out). */
  boolean renew() throws WatchException {
    try {
      return (Boolean) invoke("renewWatch", watch);
    } catch (IOException e) {
      throw lost(e);
    }
  }

  /** Stops the recording and writes it to {@code record} (when not null). */
  void finish(Path record) throws WatchException {
    if (recordingId < 0) {
      return;
    }
    try {
      recorder.stopRecording(recordingId);
      if (record != null) {
        copyRecording(record);
      }
    } catch (IOException | IllegalStateException | IllegalArgumentException e) {
      throw new WatchException(
          "cannot write the recording to " + record + ": " + e.getMessage(), e);
    }
  }

  private void copyRecording(Path record) throws IOException {
    long streamId = recorder.openStream(recordingId, Map.of("blockSize", "1048576"));
    try (OutputStream out = Files.newOutputStream(record)) {
      byte[] block;
      while ((block = recorder.readStream(streamId)) != null) {
        out.write(block);
      }
    } finally {
      recorder.closeStream(streamId);
    }
  }

  @Override
  public void close() {
    if (stream != null) {
      stream.close();
    }
    try {
      if (watch >= 0) {
        invoke("endWatch", watch);
      }
    } catch (IOException | WatchException | RuntimeException e) {
      // the lease runs out on its own
    }
    try {
      connector.close();
    } catch (IOException e) {
      // the target closes its side when it notices
    }
  }

  private Set<Long> recordingIds() {
    Set<Long> ids = new HashSet<>();
    for (RecordingInfo r : recorder.getRecordings()) {
      ids.add(r.getId());
    }
    return ids;
  }

  private Object invoke(String operation, long... arguments) throws IOException, WatchException {
    Object[] values = new Object[arguments.length];
    String[] types = new String[arguments.length];
    for (int i = 0; i < arguments.length; i++) {
      values[i] = arguments[i];
      types[i] = long.class.getName();
    }
    try {
      return connection.invoke(agent, operation, values, types);
    } catch (JMException e) {
      throw new WatchException("the agent in " + where + " refused " + operation + ": " + e, e);
    }
  }

  private WatchException lost(IOException e) {
    return new WatchException("lost the JMX connection to " + where + ": " + rootMessage(e), e);
  }

  /** gilscope's events and the JDK events the analysis reads; no JDK lock events. */
  static Map<String, String> settings() {
    Map<String, String> s = new HashMap<>();
    for (String event :
        new String[] {
          GilscopeEvents.MONITOR_ACQUIRE,
          GilscopeEvents.MONITOR_TRY_LOCK_FAILED,
          GilscopeEvents.MONITOR_HOLD,
          GilscopeEvents.MONITOR_WAIT
        }) {
      s.put(event + "#enabled", "true");
      s.put(event + "#threshold", "0 ns");
      s.put(event + "#stackTrace", "false");
    }
    s.put(GilscopeEvents.MONITOR_NOTIFY + "#enabled", "true");
    s.put(GilscopeEvents.MONITOR_STATISTICS + "#enabled", "true");
    s.put(GilscopeEvents.MONITOR_STATISTICS + "#period", "1 s");
    s.put(GilscopeEvents.THREAD_MONITOR_STATISTICS + "#enabled", "true");
    s.put(GilscopeEvents.AGENT_STATUS + "#enabled", "true");
    s.put(GilscopeEvents.AGENT_STATUS + "#period", "everyChunk");
    s.put(EventNames.JVM_INFORMATION + "#enabled", "true");
    s.put(EventNames.JVM_INFORMATION + "#period", "beginChunk");
    s.put(EventNames.CPU_INFORMATION + "#enabled", "true");
    s.put(EventNames.CPU_INFORMATION + "#period", "beginChunk");
    s.put(EventNames.THREAD_CPU_LOAD + "#enabled", "true");
    s.put(EventNames.THREAD_CPU_LOAD + "#period", "1 s");
    return s;
  }
}

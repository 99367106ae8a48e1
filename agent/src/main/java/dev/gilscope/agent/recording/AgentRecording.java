package dev.gilscope.agent.recording;

import dev.gilscope.agent.config.AgentOptions;
import dev.gilscope.contract.GilscopeEvents;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.HashMap;
import java.util.Map;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * The recording of {@code file=}: gilscope.jfc's settings (the gilscope events plus the JDK events
 * the analyzer reads), written to the file when the JVM exits (end of main, System.exit, SIGTERM).
 * JFR's own dump-on-exit does the writing: stopping the recording from an agent shutdown hook would
 * race JFR's hook and can leave an empty file. Started once in premain.
 */
public final class AgentRecording {
  public static final String JFC = "gilscope.jfc";

  private AgentRecording() {}

  public static Recording start(AgentOptions options) throws IOException, ParseException {
    Map<String, String> settings = new HashMap<>(settings());
    String period = (options.periodNanos() / 1_000_000L) + " ms";
    settings.put(GilscopeEvents.MONITOR_STATISTICS + "#period", period);
    if (options.stacks()) {
      for (String event :
          new String[] {
            GilscopeEvents.MONITOR_ACQUIRE,
            GilscopeEvents.MONITOR_HOLD,
            GilscopeEvents.MONITOR_WAIT,
            GilscopeEvents.MONITOR_NOTIFY,
            GilscopeEvents.MONITOR_TRY_LOCK_FAILED
          }) {
        settings.put(event + "#stackTrace", "true");
      }
    }
    Recording recording = new Recording(settings);
    recording.setName("gilscope");
    recording.setToDisk(true);
    recording.setDestination(Path.of(options.file()).toAbsolutePath());
    recording.setDumpOnExit(true);
    recording.start();
    return recording;
  }

  /** The settings of the gilscope.jfc inside the agent jar. */
  public static Map<String, String> settings() throws IOException, ParseException {
    try (InputStream in = AgentRecording.class.getResourceAsStream("/" + JFC)) {
      if (in == null) {
        throw new IOException(JFC + " is missing from the agent jar");
      }
      try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        return Configuration.create(reader).getSettings();
      }
    }
  }
}

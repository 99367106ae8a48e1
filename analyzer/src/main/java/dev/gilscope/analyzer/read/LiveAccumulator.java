package dev.gilscope.analyzer.read;

import dev.gilscope.analyzer.model.EventSource;
import dev.gilscope.analyzer.model.MonitorStats;
import dev.gilscope.analyzer.model.RecordingInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import jdk.jfr.consumer.RecordedEvent;

/**
 * The analysis of a file, fed with events as a running JVM streams them ({@code gilscope watch}):
 * the same {@link EventAccumulator} the reader uses, read at any moment through {@link #snapshot},
 * which copies the monitors (the accumulator keeps folding) and completes the copies as the reader
 * completes a file's. Thread-confined: the stream's thread feeds it and takes snapshots.
 */
public final class LiveAccumulator {
  private final long originEpochNanos;
  private final long windowNanos;
  private final EventAccumulator events;
  private final Map<String, Consumer<EventView>> handlers;
  private final JdkEventView view = new JdkEventView();

  public LiveAccumulator(long originEpochNanos, long windowNanos) {
    this.originEpochNanos = originEpochNanos;
    this.windowNanos = windowNanos;
    this.events = new EventAccumulator(originEpochNanos, windowNanos);
    this.handlers = events.handlers();
  }

  public long originEpochNanos() {
    return originEpochNanos;
  }

  /** Index of the window holding {@code epochNanos}. */
  public int window(long epochNanos) {
    return events.window(epochNanos);
  }

  public void accept(RecordedEvent e) {
    Consumer<EventView> handler = handlers.get(e.getEventType().getName());
    if (handler != null) {
      handler.accept(view.of(e));
    }
  }

  /** The monitors and recording so far, as {@code analyze} would see them in a file. */
  public RecordingReader.ReadResult snapshot(String source, long nowEpochNanos) {
    events.chunkEnded(); // the wait() calls streamed so far join their episodes
    List<MonitorStats> monitors = new ArrayList<>();
    Set<String> sources = new LinkedHashSet<>();
    for (MonitorStats m : events.gilscopeMonitors().values()) {
      MonitorStats copy =
          new MonitorStats(
              m.key(), m.name(), m.className(), m.described() ? m.kind() : null, m.source());
      copy.mergeFrom(m);
      copy.recordUneventfulAcquisitionsAsZeroWaits();
      monitors.add(copy);
      sources.add(EventSource.GILSCOPE.label());
    }
    monitors.sort(Comparator.comparing(MonitorStats::name));
    RecordingInfo info =
        new RecordingInfo(
            source,
            0,
            0,
            originEpochNanos,
            Math.max(1, nowEpochNanos - originEpochNanos),
            windowNanos,
            events.jvm(),
            events.cpuCores(),
            sources,
            new ArrayList<>(),
            new TreeMap<>(events.eventCounts()),
            Map.copyOf(events.threadCpu()));
    return new RecordingReader.ReadResult(info, monitors, Map.copyOf(events.agentNotes()));
  }
}

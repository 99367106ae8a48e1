package dev.gilscope.analyzer.read;

import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The reader's analysis fed from outside: a parser this module does not own (JDK Mission Control's,
 * in the jmc module) hands each event as an {@link EventView} and gets the same {@link
 * RecordingReader.ReadResult} that {@code analyze} computes from a file, through the same {@link
 * EventAccumulator}. Events of one type must come in time order per thread (wait episodes are
 * joined per thread); types may interleave in any order. Thread-confined; one instance per
 * recording.
 */
public final class EventFeed {
  private final long originEpochNanos;
  private final long windowNanos;
  private final EventAccumulator events;
  private final Map<String, Consumer<EventView>> handlers;

  /**
   * @param originEpochNanos start of the recording (its first chunk's start): window 0 begins here
   * @param windowNanos length of the statistics windows, normally {@link
   *     RecordingReader#DEFAULT_WINDOW_NANOS}
   */
  public EventFeed(long originEpochNanos, long windowNanos) {
    this.originEpochNanos = originEpochNanos;
    this.windowNanos = windowNanos;
    this.events = new EventAccumulator(originEpochNanos, windowNanos);
    this.handlers = events.handlers();
  }

  /** The event types the analysis reads; events of other types may be skipped unread. */
  public Set<String> eventTypes() {
    return handlers.keySet();
  }

  /** Folds one event into the analysis; events of types it does not read are ignored. */
  public void accept(EventView e) {
    Consumer<EventView> handler = handlers.get(e.typeName());
    if (handler != null) {
      handler.accept(e);
    }
  }

  /**
   * Ends the feed and returns the monitors and recording as {@code analyze} sees them; call once.
   *
   * @param source what the recording is called in reports (a file name, or the parser's name)
   * @param chunks the recording's chunk count, 0 when unknown
   * @param endEpochNanos end of the recording (its last chunk's end)
   */
  public RecordingReader.ReadResult finish(String source, int chunks, long endEpochNanos) {
    events.finish();
    return RecordingReader.result(
        source, 0, chunks, originEpochNanos, endEpochNanos, windowNanos, events);
  }
}

package dev.gilscope.jmc;

import dev.gilscope.analyzer.read.EventFeed;
import dev.gilscope.analyzer.read.RecordingReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openjdk.jmc.common.item.IItem;
import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.item.IItemIterable;
import org.openjdk.jmc.common.item.IMemberAccessor;
import org.openjdk.jmc.common.item.IType;
import org.openjdk.jmc.common.unit.IQuantity;
import org.openjdk.jmc.common.unit.IRange;
import org.openjdk.jmc.common.unit.UnitLookup;
import org.openjdk.jmc.flightrecorder.JfrAttributes;

/**
 * Reads JMC's parsed recording into the analyzer's per-monitor statistics: every event of a type
 * the analyzer reads goes through {@link ItemEventView} into the analyzer's {@link EventFeed}, the
 * same accumulator {@code gilscope analyze} folds a file into. JMC keeps a type's duration events
 * in several time-sorted arrays (lanes of non-overlapping events), so a type read from more than
 * one array is first merged into start-time order: the analyzer joins a thread's wait() calls into
 * episodes in time order. Runs on the calling thread; memory: one reference per event of a type
 * that JMC split into lanes, for as long as that type is read.
 */
final class ItemCollectionReader {
  private ItemCollectionReader() {}

  static RecordingReader.ReadResult read(IItemCollection items, String source) {
    long[] span = span(items);
    EventFeed feed = new EventFeed(span[0], RecordingReader.DEFAULT_WINDOW_NANOS);
    Set<String> wanted = feed.eventTypes();
    Map<String, List<IItemIterable>> byType = new LinkedHashMap<>();
    for (IItemIterable iterable : items) {
      String type = iterable.getType().getIdentifier();
      if (wanted.contains(type)) {
        byType.computeIfAbsent(type, t -> new ArrayList<>()).add(iterable);
      }
    }
    int chunks = Math.max(1, items.getUnfilteredTimeRanges().size());
    for (List<IItemIterable> arrays : byType.values()) {
      feedType(feed, arrays);
    }
    return feed.finish(source, chunks, span[1]);
  }

  private static void feedType(EventFeed feed, List<IItemIterable> arrays) {
    IType<IItem> type = arrays.get(0).getType();
    ItemEventView view = new ItemEventView(type);
    if (arrays.size() == 1) {
      for (IItem item : arrays.get(0)) {
        feed.accept(view.of(item));
      }
      return;
    }
    List<IItem> merged = new ArrayList<>();
    for (IItemIterable array : arrays) {
      array.forEach(merged::add);
    }
    IMemberAccessor<IQuantity, IItem> start = JfrAttributes.START_TIME.getAccessor(type);
    if (start != null) {
      merged.sort(
          Comparator.comparing(start::getMember, Comparator.nullsFirst(Comparator.naturalOrder())));
    }
    for (IItem item : merged) {
      feed.accept(view.of(item));
    }
  }

  /**
   * Start and end of the recording in epoch nanoseconds: its chunks' time ranges, as the analyzer
   * takes them from the chunk headers; the events' own span where JMC gives no ranges.
   */
  private static long[] span(IItemCollection items) {
    long start = Long.MAX_VALUE;
    long end = Long.MIN_VALUE;
    for (IRange<IQuantity> range : items.getUnfilteredTimeRanges()) {
      start = Math.min(start, range.getStart().clampedLongValueIn(UnitLookup.EPOCH_NS));
      end = Math.max(end, range.getEnd().clampedLongValueIn(UnitLookup.EPOCH_NS));
    }
    if (start == Long.MAX_VALUE) {
      for (IItemIterable iterable : items) {
        IMemberAccessor<IQuantity, IItem> s =
            JfrAttributes.START_TIME.getAccessor(iterable.getType());
        IMemberAccessor<IQuantity, IItem> e =
            JfrAttributes.END_TIME.getAccessor(iterable.getType());
        for (IItem item : iterable) {
          if (s != null && s.getMember(item) != null) {
            start = Math.min(start, s.getMember(item).clampedLongValueIn(UnitLookup.EPOCH_NS));
          }
          if (e != null && e.getMember(item) != null) {
            end = Math.max(end, e.getMember(item).clampedLongValueIn(UnitLookup.EPOCH_NS));
          }
        }
      }
    }
    if (start == Long.MAX_VALUE) {
      return new long[] {0, 1}; // no event at all: nothing will be read
    }
    return new long[] {start, Math.max(end, start + 1)};
  }
}

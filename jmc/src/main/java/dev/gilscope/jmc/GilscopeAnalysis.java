package dev.gilscope.jmc;

import dev.gilscope.analyzer.detect.Detectors;
import dev.gilscope.analyzer.detect.MonitorIdentity;
import dev.gilscope.analyzer.model.Finding;
import dev.gilscope.analyzer.model.FindingKind;
import dev.gilscope.analyzer.model.MonitorStats;
import dev.gilscope.analyzer.read.RecordingReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.openjdk.jmc.common.item.IItemCollection;

/**
 * What {@code gilscope analyze} concludes about a recording, computed from JMC's parsed events: the
 * analyzer's reader model ({@link ItemCollectionReader}), its merge of a tracked monitor's JDK
 * entry ({@link MonitorIdentity}) and all its detectors ({@link Detectors}). JMC evaluates its
 * rules in parallel on one {@link IItemCollection}; the four gilscope rules share one analysis of
 * it (the first to ask computes, the others wait), kept while JMC keeps the collection.
 * Thread-safe.
 *
 * @param lockEvents whether the recording has any event the analysis reads locks from
 * @param monitors the monitors after the identity merge, as the reports list them
 * @param findings most severe first
 * @param notes the merge's and the detectors' notes (e.g. a detector not applicable to a monitor)
 */
record GilscopeAnalysis(
    boolean lockEvents, List<MonitorStats> monitors, List<Finding> findings, List<String> notes) {

  private static final Map<IItemCollection, FutureTask<GilscopeAnalysis>> CACHE =
      Collections.synchronizedMap(new WeakHashMap<>());

  /** The analysis of {@code items}, computed once per collection object. */
  static GilscopeAnalysis of(IItemCollection items) {
    FutureTask<GilscopeAnalysis> task =
        CACHE.computeIfAbsent(items, i -> new FutureTask<>(() -> analyse(i)));
    task.run(); // no-op when another rule's thread ran or runs it: get() then waits for that run
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the gilscope analysis", e);
    } catch (ExecutionException e) {
      CACHE.remove(items);
      throw new IllegalStateException("gilscope analysis failed: " + e.getCause(), e.getCause());
    }
  }

  static GilscopeAnalysis analyse(IItemCollection items) {
    RecordingReader.ReadResult read = ItemCollectionReader.read(items, "JDK Mission Control");
    MonitorIdentity.Result identity = MonitorIdentity.merge(read.monitors());
    List<MonitorStats> monitors = identity.monitors();
    Detectors.Diagnosis diagnosis = Detectors.diagnose(Detectors.all(), monitors, read.recording());
    List<String> notes = new ArrayList<>(identity.notes());
    notes.addAll(diagnosis.notes());
    return new GilscopeAnalysis(
        !read.monitors().isEmpty(), monitors, diagnosis.findings(), List.copyOf(notes));
  }

  /** The findings of one kind, most severe first. */
  List<Finding> findings(FindingKind kind) {
    return findings.stream().filter(f -> f.kind() == kind).toList();
  }

  /** The notes about one kind's detector, e.g. why it could not judge a monitor. */
  List<String> notes(FindingKind kind) {
    return notes.stream().filter(n -> n.startsWith(kind.name() + " ")).toList();
  }
}

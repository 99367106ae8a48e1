package dev.gilscope.analyzer.read;

import dev.gilscope.analyzer.model.EventSource;
import dev.gilscope.analyzer.model.Metric;
import dev.gilscope.analyzer.model.MonitorStats;
import dev.gilscope.analyzer.model.ReadNote;
import dev.gilscope.analyzer.model.RecordingInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import jdk.jfr.consumer.EventStream;

/**
 * Reads a recording in one pass into per-monitor statistics. The file's chunks are split into
 * contiguous groups, one per core (or, when the file has fewer chunks than cores, its chunks into
 * pieces at event boundaries); each part is read by its own thread and folded into its own {@link
 * EventAccumulator}; the partial results merge at the end in file order, exactly: the report is the
 * same whatever the number of reading threads. Each part is read by gilscope's {@link ChunkDecoder}
 * straight from the file; if the decoder meets anything it does not understand in any group, the
 * whole file is read again with the JDK's {@link EventStream} (which opens whole files only, so a
 * group that is not the whole file is first copied to a temporary slice file). Called from the CLI
 * thread; uses up to {@code parallelism} extra threads.
 */
public final class RecordingReader {
  /** Default window for time-located statistics: gilscope's statistics period. */
  public static final long DEFAULT_WINDOW_NANOS = 1_000_000_000L;

  /** Below this size the copy to slice files costs more than the second core gains. */
  static final long PARALLEL_MIN_BYTES = 16L * 1024 * 1024;

  /**
   * From this size on, a file with fewer chunks than reading threads has its chunks cut into
   * pieces: below it, decoding the chunk's constant pools once more per piece, starting the threads
   * and merging cost more than the second core gains. One-chunk recordings of the GIL interpreter
   * workload, 2 readers against 1, medians of 7 of the reading alone on this 2-core machine with
   * one core mostly free: 5.3 MB 133 ms against 125, 10 MB 170 against 190, 17.8 MB 220 against 268
   * (with both cores busy elsewhere, 17.8 MB took as long in pieces as whole).
   */
  static final long SPLIT_MIN_BYTES = PARALLEL_MIN_BYTES;

  /**
   * Below this heap a file is read by one thread: each part keeps its own state of the monitors and
   * threads it meets and its own chunk buffer, and in a heap a few megabytes large, when one part
   * ran out of memory the other went on filling it, and the JVM spent minutes collecting before it
   * could say so (one part fails at once, with the one-line message).
   */
  static final long PARALLEL_MIN_HEAP = 64L * 1024 * 1024;

  /** Which parser reads the events. */
  public enum Parser {
    /**
     * gilscope's chunk decoder, falling back to the JDK's EventStream for what it does not know.
     */
    AUTO,
    /** Always the JDK's EventStream (slower; the reference the decoder is tested against). */
    JDK
  }

  private final int parallelism;
  private final long windowNanos;
  private final ReadProgress progress;
  private final Parser parser;
  private volatile String parserUsed = "none";
  // -Dgilscope.parallelFromBytes=N sets both, to read small files in parallel (tests, measurements)
  private long parallelMinBytes = Long.getLong("gilscope.parallelFromBytes", PARALLEL_MIN_BYTES);
  private long splitMinBytes = Long.getLong("gilscope.parallelFromBytes", SPLIT_MIN_BYTES);
  private int partsRead;
  private long copyLimit = ChunkDecoder.DEFAULT_COPY_LIMIT;
  private final AtomicLong bytesRead = new AtomicLong();
  private boolean collectTimeline;
  private dev.gilscope.analyzer.timeline.TimelineCollector timeline;

  /**
   * @param parallelism reading threads (1 reads the file directly, no slices)
   * @param progress told how far reading is, or null
   */
  public RecordingReader(int parallelism, long windowNanos, ReadProgress progress) {
    this(
        parallelism,
        windowNanos,
        progress,
        "jdk".equalsIgnoreCase(System.getProperty("gilscope.parser")) ? Parser.JDK : Parser.AUTO);
  }

  /**
   * @param parser {@link Parser#JDK} forces the JDK's EventStream ({@code -Dgilscope.parser=jdk})
   */
  public RecordingReader(int parallelism, long windowNanos, ReadProgress progress, Parser parser) {
    this.parser = parser;
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be >= 1");
    }
    this.parallelism = Runtime.getRuntime().maxMemory() < PARALLEL_MIN_HEAP ? 1 : parallelism;
    this.windowNanos = windowNanos;
    this.progress = progress;
  }

  public ReadResult read(Path path) throws InputException {
    try {
      return readFile(path);
    } finally {
      clearProgress();
    }
  }

  private ReadResult readFile(Path path) throws InputException {
    ChunkIndex index = ChunkIndex.scan(path);
    long origin = index.startEpochNanos();
    List<List<Chunk>> groups = groups(index);
    bytesRead.set(0);
    if (parser == Parser.AUTO) {
      try {
        List<Part> parts = parts(index, groups);
        TicksConverter clock = index.clock();
        EventAccumulator first = accumulator(origin, 0);
        ChunkDecoder firstDecoder = new ChunkDecoder(first.handlers(), copyLimit, clock);
        if (parts.size() > 1 && !worthSplitting(index, parts.get(0), firstDecoder)) {
          parts = List.of(new Part(index.chunks())); // the first decoder has read its pools
        }
        partsRead = parts.size();
        EventAccumulator total;
        try {
          total =
              parts.size() == 1
                  ? decodePart(index, parts.get(0), first, firstDecoder)
                  : readInParallel(
                      parts,
                      (p, i) ->
                          i == 0
                              ? decodePart(index, p, first, firstDecoder)
                              : decodePart(index, p, i, origin, clock));
        } catch (WaitEpisodes.PartsDisagree e) {
          // rare: read in one part, which needs no merge (see WaitEpisodes)
          partsRead = 1;
          bytesRead.set(0);
          total = decodePart(index, new Part(index.chunks()), 0, origin, clock);
        }
        total.finish();
        parserUsed = "gilscope";
        return result(index, total);
      } catch (UnsupportedRecordingException e) {
        // the JDK reads what the decoder does not understand; nothing of the attempt is kept
        bytesRead.set(0);
        parserUsed = "jdk (gilscope decoder: " + e.getMessage() + ")";
      }
    } else {
      parserUsed = "jdk";
    }
    partsRead = groups.size();
    EventAccumulator total;
    try {
      total =
          groups.size() == 1
              ? readWhole(index.path(), origin)
              : readInParallel(groups, (g, i) -> readGroup(index, g, i, origin));
    } catch (WaitEpisodes.PartsDisagree e) {
      partsRead = 1;
      total = readWhole(index.path(), origin);
    }
    total.finish();
    return result(index, total);
  }

  /** For tests: split files from this size on (normally {@link #PARALLEL_MIN_BYTES}). */
  RecordingReader parallelFrom(long minBytes) {
    this.parallelMinBytes = minBytes;
    return this;
  }

  /**
   * For tests: cut chunks into pieces from this file size on (normally {@link #SPLIT_MIN_BYTES}).
   */
  RecordingReader splitChunksFrom(long minBytes) {
    this.splitMinBytes = minBytes;
    return this;
  }

  /** For tests: chunks above this size are memory-mapped instead of copied into the heap. */
  RecordingReader copyChunksUpTo(long bytes) {
    this.copyLimit = bytes;
    return this;
  }

  /** Also collects the HTML report's timeline (costs time per event; memory stays bounded). */
  public RecordingReader collectTimeline() {
    this.collectTimeline = true;
    return this;
  }

  /** The last file's timeline, or null when not {@link #collectTimeline collected}. */
  public dev.gilscope.analyzer.timeline.TimelineCollector timeline() {
    return timeline;
  }

  /**
   * @param part the index of the part of the file it reads: parts after the first leave what is
   *     open at their start to the merge
   */
  private EventAccumulator accumulator(long origin, int part) {
    EventAccumulator acc = new EventAccumulator(origin, windowNanos, part > 0);
    if (collectTimeline) {
      acc.collectTimeline();
    }
    return acc;
  }

  /** For tests: into how many parts the last file was cut, one per reading task. */
  int partsRead() {
    return partsRead;
  }

  /** Which parser read the last file: "gilscope", or "jdk" with the decoder's reason. */
  public String parserUsed() {
    return parserUsed;
  }

  /**
   * A reading thread's share of the file: a run of whole chunks ({@code pieces == 1}), or piece
   * {@code piece} of {@code pieces} of one chunk's events.
   */
  private record Part(List<Chunk> chunks, int piece, int pieces) {
    Part(List<Chunk> chunks) {
      this(chunks, 0, 1);
    }

    /** The bytes of the file this part stands for, for the progress shown. */
    long bytes(Chunk chunk) {
      long size = chunk.sizeBytes();
      return size * (piece + 1) / pieces - size * piece / pieces;
    }
  }

  /**
   * The chunk groups, or, when they are one group because the file has fewer chunks than reading
   * threads, its chunks cut into pieces of about the bytes a thread should read.
   */
  private List<Part> parts(ChunkIndex index, List<List<Chunk>> groups) {
    List<Chunk> chunks = index.chunks();
    List<Part> parts = new ArrayList<>();
    if (parallelism == 1 || chunks.size() >= parallelism || index.fileBytes() < splitMinBytes) {
      groups.forEach(g -> parts.add(new Part(g)));
      return parts;
    }
    double share = (double) index.fileBytes() / parallelism;
    for (Chunk c : chunks) {
      int pieces = (int) Math.max(1, Math.min(parallelism, Math.round(c.sizeBytes() / share)));
      for (int i = 0; i < pieces; i++) {
        parts.add(new Part(List.of(c), i, pieces));
      }
    }
    return parts;
  }

  /**
   * Whether the chunk that {@code part}, a piece, belongs to is worth reading in pieces: it has
   * enough bytes per thread ({@link ChunkDecoder#worthSplitting}). Its pools are read by {@code
   * decoder} to know, which then reads the chunk whole without reading them again if not.
   */
  private boolean worthSplitting(ChunkIndex index, Part part, ChunkDecoder decoder)
      throws InputException {
    if (part.pieces() == 1) {
      return true; // chunk groups
    }
    Chunk chunk = part.chunks().get(0);
    try (FileChannel channel = FileChannel.open(index.path(), StandardOpenOption.READ)) {
      return ChunkDecoder.worthSplitting(chunk.sizeBytes(), decoder.prepare(channel, chunk));
    } catch (UnsupportedRecordingException e) {
      throw e;
    } catch (IOException | RuntimeException | StackOverflowError e) {
      throw new UnsupportedRecordingException("decoder failed: " + describe(e));
    }
  }

  /** Decodes the {@code partIndex}th part of the file into an accumulator of its own. */
  private EventAccumulator decodePart(
      ChunkIndex index, Part part, int partIndex, long origin, TicksConverter clock)
      throws InputException {
    EventAccumulator acc = accumulator(origin, partIndex);
    return decodePart(index, part, acc, new ChunkDecoder(acc.handlers(), copyLimit, clock));
  }

  /**
   * Decodes a part of the file with gilscope's decoder, straight from the file (no slices), into
   * {@code acc}, whose handlers {@code decoder} calls.
   */
  private EventAccumulator decodePart(
      ChunkIndex index, Part part, EventAccumulator acc, ChunkDecoder decoder)
      throws InputException {
    Path path = index.path();
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      for (Chunk chunk : part.chunks()) {
        decoder.decode(channel, chunk, part.piece(), part.pieces());
        acc.chunkEnded();
        chunkRead(index, part.bytes(chunk));
      }
    } catch (UnsupportedRecordingException | ChunkDecoder.Stopped e) {
      throw e;
    } catch (IOException | RuntimeException | StackOverflowError e) {
      // the JDK's reader reads the file again and reports what is wrong with it, if anything
      throw new UnsupportedRecordingException("decoder failed: " + describe(e));
    }
    acc.finishPart();
    return acc;
  }

  /** Reads one part of the file (the {@code index}th) into its own accumulator. */
  private interface PartReader<P> {
    EventAccumulator read(P part, int index) throws InputException, IOException;
  }

  private List<List<Chunk>> groups(ChunkIndex index) {
    List<Chunk> chunks = index.chunks();
    int n = (int) Math.min(parallelism, chunks.size());
    if (n <= 1 || index.fileBytes() < parallelMinBytes) {
      return List.of(chunks);
    }
    // contiguous groups of about equal bytes
    List<List<Chunk>> groups = new ArrayList<>();
    long target = index.fileBytes() / n;
    List<Chunk> current = new ArrayList<>();
    long bytes = 0;
    for (Chunk c : chunks) {
      current.add(c);
      bytes += c.sizeBytes();
      if (bytes >= target && groups.size() < n - 1) {
        groups.add(current);
        current = new ArrayList<>();
        bytes = 0;
      }
    }
    if (!current.isEmpty()) {
      groups.add(current);
    }
    return groups;
  }

  private EventAccumulator readWhole(Path path, long origin) throws InputException {
    EventAccumulator acc = accumulator(origin, 0);
    stream(path, path, acc);
    return acc;
  }

  private <P> EventAccumulator readInParallel(List<P> groups, PartReader<P> reader)
      throws InputException {
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(groups.size(), parallelism),
            r -> {
              Thread t = new Thread(r, "gilscope-reader");
              t.setDaemon(true);
              return t;
            });
    AtomicInteger done = new AtomicInteger();
    // the first part to fail: the others stop (a heap too small for the file fails in one part
    // while another goes on filling it, and the JVM spent minutes in GC before it could exit)
    AtomicReference<Throwable> failure = new AtomicReference<>();
    try {
      List<Future<EventAccumulator>> futures = new ArrayList<>();
      for (int i = 0; i < groups.size(); i++) {
        P group = groups.get(i);
        int partIndex = i;
        futures.add(
            pool.submit(
                () -> {
                  try {
                    EventAccumulator acc = reader.read(group, partIndex);
                    reportProgress(done.incrementAndGet(), groups.size());
                    return acc;
                  } catch (Throwable t) {
                    if (failure.compareAndSet(null, t)) {
                      pool.shutdownNow(); // the other parts stop at their next chunk
                    }
                    throw t;
                  }
                }));
      }
      EventAccumulator total = null;
      for (Future<EventAccumulator> f : futures) {
        EventAccumulator part = get(f, failure);
        if (total == null) {
          total = part;
        } else {
          total.mergeFrom(part);
        }
      }
      return total;
    } finally {
      pool.shutdownNow();
      clearProgress();
    }
  }

  /** A part's result, or what made the first part to fail fail. */
  private static EventAccumulator get(Future<EventAccumulator> f, AtomicReference<Throwable> first)
      throws InputException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InputException("interrupted while reading", e);
    } catch (ExecutionException e) {
      Throwable cause = first.get() != null ? first.get() : e.getCause();
      rethrow(cause);
      throw new InputException("cannot read recording: " + cause, cause);
    }
  }

  private static void rethrow(Throwable cause) throws InputException {
    if (cause instanceof InputException ie) {
      throw ie;
    }
    if (cause instanceof UnsupportedRecordingException ue) {
      throw ue;
    }
    if (cause instanceof OutOfMemoryError oom) {
      throw oom; // the CLI turns it into one line and exit 2
    }
  }

  private EventAccumulator readGroup(
      ChunkIndex index, List<Chunk> group, int partIndex, long origin)
      throws InputException, IOException {
    Path slice = Files.createTempFile("gilscope-slice-", ".jfr");
    try {
      long from = group.get(0).offset();
      Chunk last = group.get(group.size() - 1);
      long bytes = last.offset() + last.sizeBytes() - from;
      try (FileChannel in = FileChannel.open(index.path(), StandardOpenOption.READ);
          FileChannel out = FileChannel.open(slice, StandardOpenOption.WRITE)) {
        long copied = 0;
        while (copied < bytes) {
          copied += in.transferTo(from + copied, bytes - copied, out);
        }
      }
      EventAccumulator acc = accumulator(origin, partIndex);
      stream(index.path(), slice, acc);
      return acc;
    } finally {
      Files.deleteIfExists(slice);
    }
  }

  /**
   * By source (gilscope first), then most time waited (at entry and in {@code wait()}), then by
   * name: the keys read once per monitor into a record with a plain comparison (a chain of
   * comparator lambdas read them twice per comparison, slowly, for 10,000 monitors).
   */
  private static void sortMonitors(List<MonitorStats> monitors) {
    List<MonitorKey> keys = new ArrayList<>(monitors.size());
    for (MonitorStats m : monitors) {
      keys.add(new MonitorKey(m));
    }
    keys.sort(null);
    monitors.clear();
    for (MonitorKey k : keys) {
      monitors.add(k.monitor);
    }
  }

  private static final class MonitorKey implements Comparable<MonitorKey> {
    final MonitorStats monitor;
    final int source;
    final long waitNanos;
    final String name;

    MonitorKey(MonitorStats m) {
      monitor = m;
      source = m.source().ordinal();
      waitNanos = m.totals().get(Metric.WAIT_NANOS) + m.totals().get(Metric.WAIT_IN_WAIT_NANOS);
      name = m.name();
    }

    @Override
    public int compareTo(MonitorKey o) {
      int c = Integer.compare(source, o.source);
      if (c == 0) {
        c = Long.compare(o.waitNanos, waitNanos);
      }
      return c != 0 ? c : name.compareTo(o.name);
    }
  }

  private static void stream(Path original, Path file, EventAccumulator acc) throws InputException {
    try (EventStream stream = EventStream.openFile(file)) {
      // File order, not time order: sorting each chunk costs 3x the parsing, and the analysis
      // needs time order only for a thread's wait() calls, which WaitEpisodes sorts itself (a
      // thread's buffers can reach the file out of order); here they wait for the part's end.
      stream.setOrdered(false);
      acc.subscribe(stream);
      stream.start();
    } catch (IOException | UncheckedIOException e) {
      throw new InputException("cannot read recording '" + original + "': " + describe(e), e);
    } catch (RuntimeException e) {
      throw new InputException("corrupt recording '" + original + "': " + describe(e), e);
    }
    acc.finishPart();
    Fields.clearCaches();
  }

  private static String describe(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }

  private void reportProgress(int doneGroups, int groups) {
    if (progress != null && bytesRead.get() == 0) { // the decoder reports by chunk instead
      progress.partsRead(doneGroups, groups);
    }
  }

  private void chunkRead(ChunkIndex index, long bytes) {
    long done = bytesRead.addAndGet(bytes);
    if (progress != null) {
      progress.bytesRead(index.path(), done, index.fileBytes());
    }
  }

  private void clearProgress() {
    if (progress != null) {
      progress.finished();
    }
  }

  private ReadResult result(ChunkIndex index, EventAccumulator acc) {
    timeline = acc.timeline();
    return result(
        index.path().toString(),
        index.fileBytes(),
        index.chunks().size(),
        index.startEpochNanos(),
        index.endEpochNanos(),
        windowNanos,
        acc);
  }

  /** The read result of a finished accumulator; shared with {@link EventFeed}. */
  static ReadResult result(
      String path,
      long fileBytes,
      int chunks,
      long startEpochNanos,
      long endEpochNanos,
      long windowNanos,
      EventAccumulator acc) {
    List<MonitorStats> monitors = new ArrayList<>();
    Set<String> sources = new LinkedHashSet<>();
    for (MonitorStats m : acc.gilscopeMonitors().values()) {
      m.recordUneventfulAcquisitionsAsZeroWaits();
      monitors.add(m);
      sources.add(EventSource.GILSCOPE.label());
    }
    for (MonitorStats m : acc.jdkMonitors().values()) {
      // a monitor tracked by gilscope may also appear here, under its JDK name (class@address);
      // the source label tells them apart, and the JDK view is never merged into exact counts
      monitors.add(m);
      sources.add(m.source().label());
    }
    sortMonitors(monitors);
    List<ReadNote> unavailable = unavailable(monitors);
    String suppressed = acc.agentNotes().get("suppressedErrors");
    if (suppressed != null) {
      unavailable.add(ReadNote.suppressedProbeErrors(Long.parseLong(suppressed)));
    }
    RecordingInfo info =
        new RecordingInfo(
            path,
            fileBytes,
            chunks,
            startEpochNanos,
            Math.max(1, endEpochNanos - startEpochNanos),
            windowNanos,
            acc.jvm(),
            acc.cpuCores(),
            sources,
            unavailable,
            acc.eventCounts(),
            acc.threadCpu());
    return new ReadResult(info, monitors, acc.agentNotes());
  }

  private static List<ReadNote> unavailable(List<MonitorStats> monitors) {
    List<ReadNote> notes = new ArrayList<>();
    long jdkOnly = monitors.stream().filter(m -> m.source() != EventSource.GILSCOPE).count();
    if (jdkOnly > 0) {
      notes.add(ReadNote.jdkEventsOnly(jdkOnly, monitors.size() - jdkOnly));
    }
    for (MonitorStats m : monitors) {
      if (m.source() == EventSource.GILSCOPE && !m.hasExactCounts()) {
        notes.add(ReadNote.noStatistics(m.name()));
      }
    }
    return notes;
  }

  /** The merged statistics of a whole recording. */
  public record ReadResult(
      RecordingInfo recording,
      List<MonitorStats> monitors,
      java.util.Map<String, String> agentNotes) {}
}

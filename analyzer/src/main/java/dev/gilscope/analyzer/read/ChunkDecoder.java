package dev.gilscope.analyzer.read;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * gilscope's own reader of JFR chunks, for the event types the analysis needs: it maps a chunk,
 * parses its metadata and the constant pools it resolves (threads, classes, strings), then walks
 * the events in file order, skips every event of another type by its size without decoding it, and
 * decodes only the needed types into a reused {@link DecodedEvent} handed to the type's handler.
 * Unlike the JDK's {@code EventStream} it allocates nothing per event.
 *
 * <p>Understands format 2.x with compressed integers (what JDK 11 and later write); anything else,
 * and any inconsistency (an event whose fields do not add up to its size, an unknown encoding),
 * throws {@link UnsupportedRecordingException} so the caller reads the file with the JDK instead.
 * Thread-confined; one per reading thread.
 *
 * <p>Chunk header (big-endian): magic {@code "FLR\0"}, major u2, minor u2, chunk size u8,
 * constant-pool offset u8, metadata offset u8, start nanos u8, duration nanos u8, start ticks u8,
 * ticks per second u8, features u4 (bit 0: compressed integers); events follow at byte 68 as {@code
 * [size][type id][fields...]}.
 */
final class ChunkDecoder {
  private static final int MAGIC = 0x464c5200;
  private static final int HEADER_BYTES = 68;
  private static final int COMPRESSED_INTEGERS = 1;
  private static final int SMALL_IDS = 4096;

  private final Map<String, Consumer<EventView>> handlers;

  /**
   * The clock of the first chunk this decoder read, used for every later chunk too: the JDK's
   * parser does the same for all chunks of a stream (it keeps its first chunk's converter), and the
   * two readers must agree to the nanosecond. The chunks' clocks differ by the drift between the
   * ticks and the wall clock, tens of nanoseconds.
   */
  private TicksConverter clock;

  ChunkDecoder(Map<String, Consumer<EventView>> handlers) {
    this(handlers, DEFAULT_COPY_LIMIT);
  }

  /**
   * @param copyLimit chunks up to this size are copied into the heap, larger ones mapped
   */
  ChunkDecoder(Map<String, Consumer<EventView>> handlers, long copyLimit) {
    this(handlers, copyLimit, null);
  }

  /**
   * @param clock the recording's clock (its first chunk's), or null to take the first chunk read's
   */
  ChunkDecoder(Map<String, Consumer<EventView>> handlers, long copyLimit, TicksConverter clock) {
    this.handlers = handlers;
    this.copyLimit = copyLimit;
    this.clock = clock;
  }

  /**
   * Chunks up to this size are read into a reused heap array (plain array reads are about twice as
   * fast as a mapped buffer's); larger ones are memory-mapped, outside the heap. An eighth of the
   * heap: with {@code -Xmx256m} 32 MB per reading thread (JFR's chunks are 12 MB by default), and
   * the memory stays bounded by the chunk size, not the file size.
   */
  static final long DEFAULT_COPY_LIMIT = Math.min(Integer.MAX_VALUE - 16, maxHeap() / 8);

  private final long copyLimit;
  private byte[] lastMetadataBytes;
  private JfrMetadata lastMetadata;
  private byte[] buffer = new byte[0];

  private static long maxHeap() {
    long max = Runtime.getRuntime().maxMemory();
    return max == Long.MAX_VALUE ? 1L << 30 : max;
  }

  /** Decodes one chunk of the file: copied into the heap, or memory-mapped when it is large. */
  void decode(FileChannel file, Chunk chunk) throws IOException {
    decode(file, chunk, 0, 1);
  }

  /**
   * Decodes the events of piece {@code piece} of {@code pieces} of one chunk: the chunk is cut into
   * pieces of about equal bytes at event boundaries (see {@link #pieceBounds}), so that several
   * threads, each with its own decoder and handlers, read one chunk's events between them. Each
   * reads the chunk's metadata and constant pools itself.
   */
  void decode(FileChannel file, Chunk chunk, int piece, int pieces) throws IOException {
    if (Thread.currentThread().isInterrupted()) {
      throw new Stopped(); // another part of the file failed: this one's result is not wanted
    }
    Opened opened = chunk.equals(preparedChunk) ? prepared : open(load(file, chunk));
    prepared = null;
    preparedChunk = null;
    walk(opened, piece, pieces);
  }

  /**
   * Reads a chunk's metadata and constant pools, which the next {@link #decode} of the same chunk
   * by this decoder uses: the number of threads in its pool, which says whether the chunk is worth
   * reading in pieces ({@link #worthSplitting}).
   */
  int prepare(FileChannel file, Chunk chunk) throws IOException {
    prepared = open(load(file, chunk));
    preparedChunk = chunk;
    return prepared.pools.threadCount();
  }

  private Chunk preparedChunk;
  private Opened prepared;

  /** A chunk whose metadata and pools are read: its events' decoders by type id. */
  private record Opened(
      ChunkInput in, ConstantPools pools, DecodedEvent[] small, Map<Long, DecodedEvent> large) {}

  /** The chunk's bytes: copied into the heap, or memory-mapped when it is large. */
  private ChunkInput load(FileChannel file, Chunk chunk) throws IOException {
    if (chunk.sizeBytes() > Integer.MAX_VALUE) {
      throw new UnsupportedRecordingException("chunk larger than 2 GB");
    }
    int size = (int) chunk.sizeBytes();
    if (size > copyLimit) {
      ByteBuffer bytes = file.map(FileChannel.MapMode.READ_ONLY, chunk.offset(), size);
      return new ChunkInput(bytes);
    }
    if (buffer.length < size) {
      buffer = null; // let the old one go first
      // headroom: the next chunks are about as large, and a new array is zeroed
      buffer = new byte[(int) Math.min(copyLimit, size + (long) size / 8)];
    }
    ByteBuffer into = ByteBuffer.wrap(buffer, 0, size);
    while (into.hasRemaining()) {
      // a slice at a time: the JDK reads into a heap buffer through a temporary direct buffer as
      // large as the read, which it allocates, zeroes and faults in (a fifth of loading a 16 MB
      // chunk); a slice's is made once per thread and reused
      into.limit(Math.min(size, into.position() + READ_SLICE_BYTES));
      if (file.read(into, chunk.offset() + into.position()) < 0) {
        throw new IOException("file ends inside chunk at " + chunk.offset());
      }
      into.limit(size);
    }
    return new ChunkInput(buffer, size);
  }

  /** The most bytes read from the file at once into the chunk buffer. */
  static final int READ_SLICE_BYTES = 1 << 20;

  void decode(ChunkInput in) {
    walk(open(in), 0, 1);
  }

  private Opened open(ChunkInput in) {
    if (in.size() < HEADER_BYTES || in.rawIntAt(0) != MAGIC) {
      throw new UnsupportedRecordingException("no chunk header");
    }
    int major = in.rawShortAt(4) & 0xffff;
    if (major != 2) {
      throw new UnsupportedRecordingException("format version " + major);
    }
    if ((in.rawIntAt(64) & COMPRESSED_INTEGERS) == 0) {
      throw new UnsupportedRecordingException("integers not compressed");
    }
    long size = in.rawLongAt(8);
    long constantPoolOffset = in.rawLongAt(16);
    long metadataOffset = in.rawLongAt(24);
    if (size != in.size()
        || metadataOffset < HEADER_BYTES
        || metadataOffset >= size
        || constantPoolOffset < HEADER_BYTES
        || constantPoolOffset >= size) {
      throw new UnsupportedRecordingException("inconsistent chunk header");
    }
    if (clock == null) {
      clock = new TicksConverter(in.rawLongAt(48), in.rawLongAt(32), in.rawLongAt(56));
    }
    JfrMetadata metadata = metadata(in, (int) metadataOffset);
    ConstantPools pools = ConstantPools.read(in, metadata, (int) constantPoolOffset);

    DecodedEvent[] small = new DecodedEvent[SMALL_IDS];
    Map<Long, DecodedEvent> large = new HashMap<>();
    for (JfrMetadata.Type type : metadata.types()) {
      Consumer<EventView> handler = handlers.get(type.name);
      if (handler != null) {
        DecodedEvent d = new DecodedEvent(type, in, pools, clock, handler);
        if (type.id >= 0 && type.id < SMALL_IDS) {
          small[(int) type.id] = d;
        } else {
          large.put(type.id, d);
        }
      }
    }
    return new Opened(in, pools, small, large);
  }

  private static void walk(Opened chunk, int piece, int pieces) {
    ChunkInput in = chunk.in;
    DecodedEvent[] small = chunk.small;
    Map<Long, DecodedEvent> large = chunk.large;
    if (pieces == 1 || !worthSplitting(in.size(), chunk.pools.threadCount())) {
      if (piece == 0) {
        walk(in, small, large, HEADER_BYTES, in.size()); // the other pieces are empty
      }
    } else {
      int[] bounds = pieceBounds(in, pieces);
      walk(in, small, large, bounds[piece], bounds[piece + 1]);
    }
  }

  /** The reading thread was interrupted: another part of the file failed. */
  static final class Stopped extends RuntimeException {
    Stopped() {
      super("stopped: another part of the recording failed", null, false, false);
    }
  }

  /**
   * Chunk bytes per thread of its pool below which the chunk is read whole even when asked for in
   * pieces: each piece keeps its own state of every thread it meets, and the merge adds them up one
   * by one. A 16 MB chunk of 100,000 virtual threads (160 bytes each; two thirds of them met in
   * both halves) read in two pieces took longer than in one (0.9-1.25 s against 0.6-0.8 s of
   * reading, 5 runs, this 2-core machine with another process busy), one of 17.8 MB and a few
   * threads shorter (0.22 s against 0.27 s).
   */
  static final long MIN_BYTES_PER_THREAD = 4096;

  /** Whether a chunk of {@code bytes} with {@code threads} in its pool is read in pieces. */
  static boolean worthSplitting(long bytes, int threads) {
    return bytes >= MIN_BYTES_PER_THREAD * threads;
  }

  /**
   * Where each of {@code pieces} pieces of the chunk's events begins (and, last, where the events
   * end): the first event at or after each equal share of the bytes. A walk over the events' sizes
   * only; every reader of a piece computes the same bounds.
   */
  static int[] pieceBounds(ChunkInput in, int pieces) {
    int end = in.size();
    int[] bounds = new int[pieces + 1];
    bounds[0] = HEADER_BYTES;
    bounds[pieces] = end;
    long share = (end - HEADER_BYTES) / pieces;
    int next = 1;
    int position = HEADER_BYTES;
    while (position < end && next < pieces) {
      while (next < pieces && position >= HEADER_BYTES + next * share) {
        bounds[next++] = position;
      }
      in.position(position);
      long eventBytes = in.readLong();
      if (eventBytes <= 0 || eventBytes > end - position) {
        throw new UnsupportedRecordingException("bad event size at " + position);
      }
      position += (int) eventBytes;
    }
    while (next < pieces) {
      bounds[next++] = end;
    }
    return bounds;
  }

  /**
   * The chunk's metadata: parsed, or the previous chunk's when its description is byte for byte the
   * same (JFR repeats the whole description in every chunk; a 1 GB file of 81 chunks spent more
   * time in parsing and compiling the parser than in its events).
   */
  private JfrMetadata metadata(ChunkInput in, int offset) {
    in.position(offset);
    long size = in.readLong();
    in.readLong(); // type id 0, checked by JfrMetadata.read
    in.readLong(); // start
    in.readLong(); // duration
    in.readLong(); // metadata id
    int from = in.position();
    long to = offset + size;
    if (size <= 0 || to > in.size()) {
      throw new UnsupportedRecordingException("bad metadata size at " + offset);
    }
    if (lastMetadata != null && in.regionEquals(from, (int) to, lastMetadataBytes)) {
      return lastMetadata;
    }
    JfrMetadata metadata = JfrMetadata.read(in, offset);
    lastMetadataBytes = in.copy(from, (int) to);
    lastMetadata = metadata;
    return metadata;
  }

  /**
   * The event loop, apart from the chunk's set-up so that the JIT compiles only the loop hot: each
   * event's size and type, then the fields of a needed type or a jump over any other.
   */
  private static void walk(
      ChunkInput in, DecodedEvent[] small, Map<Long, DecodedEvent> large, int from, int end) {
    byte[] a = in.heapArray();
    // before here the three bytes the header's fast path reads are in the chunk
    int fastEnd = a == null ? -1 : in.size() - 3;
    int position = from;
    while (position < end) {
      long eventBytes;
      long typeId;
      // most events are under 128 bytes with a type id under 16,384: the header read here from
      // the array, not through two calls into ChunkInput (a tenth of the loop's time under C1)
      byte size;
      byte id0;
      byte id1 = 0;
      if (position < fastEnd
          && (size = a[position]) > 0
          && ((id0 = a[position + 1]) >= 0 || (id1 = a[position + 2]) >= 0)) {
        eventBytes = size;
        if (id0 >= 0) {
          typeId = id0;
          in.position(position + 2);
        } else {
          typeId = (id0 & 0x7fL) | ((long) id1 << 7);
          in.position(position + 3);
        }
      } else {
        in.position(position);
        eventBytes = in.readLong();
        if (eventBytes <= 0 || eventBytes > end - position) {
          throw new UnsupportedRecordingException("bad event size at " + position);
        }
        typeId = in.readLong();
      }
      if (eventBytes > end - position) {
        throw new UnsupportedRecordingException("bad event size at " + position);
      }
      DecodedEvent d =
          typeId >= 0 && typeId < SMALL_IDS
              ? small[(int) typeId]
              : large.isEmpty() ? null : large.get(typeId);
      int next = position + (int) eventBytes;
      if (d != null) {
        d.decode();
        if (in.position() != next) {
          throw new UnsupportedRecordingException("event fields do not match its size");
        }
        d.handler.accept(d);
      }
      position = next;
    }
  }
}

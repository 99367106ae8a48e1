package dev.gilscope.analyzer.read;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Validates a recording file and lists its chunks by reading only the chunk headers (68 bytes
 * each), so bad input is rejected with a precise message before any event is parsed. Called once on
 * the main thread; costs one small read per chunk.
 *
 * <p>Chunk header layout (big-endian): magic {@code "FLR\0"}, major u2, minor u2, chunk size u8,
 * constant pool offset u8, metadata offset u8, start nanos u8, duration nanos u8, ...
 */
public final class ChunkIndex {
  private static final int HEADER_BYTES = 68;
  private static final int MAGIC = 0x464c5200; // "FLR\0"
  private static final int SUPPORTED_MAJOR_MIN = 1;
  private static final int SUPPORTED_MAJOR_MAX = 2;

  private final Path path;
  private final long fileBytes;
  private final List<Chunk> chunks;
  // the first chunk's clock: start nanos, start ticks, ticks per second
  private final long[] firstClock;

  private ChunkIndex(Path path, long fileBytes, List<Chunk> chunks, long[] firstClock) {
    this.path = path;
    this.fileBytes = fileBytes;
    this.chunks = List.copyOf(chunks);
    this.firstClock = firstClock;
  }

  /** Checks that {@code path} is a complete JFR recording and lists its chunks. */
  public static ChunkIndex scan(Path path) throws InputException {
    if (!Files.exists(path)) {
      throw new InputException("file not found '" + path + "'");
    }
    if (Files.isDirectory(path)) {
      throw new InputException("'" + path + "' is a directory, expected a .jfr recording");
    }
    if (!Files.isReadable(path)) {
      throw new InputException("file is not readable '" + path + "'");
    }
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      long size = channel.size();
      if (size == 0) {
        throw new InputException("file is empty '" + path + "'");
      }
      long[] firstClock = new long[3];
      List<Chunk> chunks = readHeaders(path, channel, size, firstClock);
      return new ChunkIndex(path, size, chunks, firstClock);
    } catch (NoSuchFileException e) {
      throw new InputException("file not found '" + path + "'", e);
    } catch (IOException e) {
      throw new InputException("cannot read '" + path + "': " + e.getMessage(), e);
    }
  }

  private static List<Chunk> readHeaders(
      Path path, FileChannel channel, long size, long[] firstClock)
      throws IOException, InputException {
    List<Chunk> chunks = new ArrayList<>();
    ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
    long offset = 0;
    while (offset < size) {
      int number = chunks.size() + 1;
      header.clear();
      while (header.hasRemaining() && channel.read(header, offset + header.position()) > 0) {
        // read the whole header
      }
      if (header.position() >= 4 && header.getInt(0) != MAGIC) {
        throw new InputException(
            number == 1
                ? "not a JFR recording '" + path + "' (no FLR magic at its start)"
                : "corrupt recording '"
                    + path
                    + "': chunk "
                    + number
                    + " at byte "
                    + offset
                    + " has no FLR magic");
      }
      if (header.position() < HEADER_BYTES) {
        throw truncated(path, number, offset, HEADER_BYTES, size - offset);
      }
      int major = header.getShort(4) & 0xffff;
      if (major < SUPPORTED_MAJOR_MIN || major > SUPPORTED_MAJOR_MAX) {
        throw new InputException(
            "unsupported JFR version "
                + major
                + "."
                + (header.getShort(6) & 0xffff)
                + " in '"
                + path
                + "'");
      }
      long chunkBytes = header.getLong(8);
      if (chunkBytes == 0) {
        throw new InputException(
            "incomplete recording '"
                + path
                + "': chunk "
                + number
                + " was still being written (dump the recording, or stop it first)");
      }
      if (chunkBytes < HEADER_BYTES) {
        throw new InputException(
            "corrupt recording '"
                + path
                + "': chunk "
                + number
                + " declares "
                + chunkBytes
                + " bytes");
      }
      if (chunkBytes > size - offset) {
        throw truncated(path, number, offset, chunkBytes, size - offset);
      }
      if (chunks.isEmpty()) {
        firstClock[0] = header.getLong(32);
        firstClock[1] = header.getLong(48);
        firstClock[2] = header.getLong(56);
      }
      chunks.add(new Chunk(offset, chunkBytes, header.getLong(32), header.getLong(40)));
      offset += chunkBytes;
    }
    return chunks;
  }

  private static InputException truncated(
      Path path, int number, long offset, long declared, long remaining) {
    return new InputException(
        "truncated recording '"
            + path
            + "': chunk "
            + number
            + " at byte "
            + offset
            + " needs "
            + declared
            + " bytes but only "
            + remaining
            + " remain");
  }

  public Path path() {
    return path;
  }

  public long fileBytes() {
    return fileBytes;
  }

  public List<Chunk> chunks() {
    return chunks;
  }

  /**
   * The first chunk's clock, which the JDK's reader uses for every chunk of a file: so must every
   * reading thread, whichever chunk it starts at, for the parts to read what one reader reads.
   */
  TicksConverter clock() {
    return new TicksConverter(firstClock[1], firstClock[0], firstClock[2]);
  }

  public long startEpochNanos() {
    return chunks.stream().mapToLong(Chunk::startEpochNanos).min().orElse(0);
  }

  public long endEpochNanos() {
    return chunks.stream().mapToLong(c -> c.startEpochNanos() + c.durationNanos()).max().orElse(0);
  }
}

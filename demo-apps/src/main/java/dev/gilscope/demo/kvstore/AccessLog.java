package dev.gilscope.demo.kvstore;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An append-only access log in a temporary file: one {@code write} system call per line and an
 * {@code fsync} per {@link #force}. Not thread-safe: its owner ({@link KvStore}) calls it under the
 * store's lock, which is exactly the design flaw the kv-store scenario shows.
 */
final class AccessLog implements AutoCloseable {
  private final Path file;
  private final FileChannel channel;
  private final ByteBuffer line = ByteBuffer.allocateDirect(256);
  private long lines;

  AccessLog() throws IOException {
    file = Files.createTempFile("gilscope-kv-store-", ".log");
    channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
  }

  /** Appends {@code <sequence> <operation> <key> <bytes>\n}: one write system call. */
  void append(String operation, String key, int bytes) throws IOException {
    line.clear();
    line.put(Long.toString(++lines).getBytes(StandardCharsets.US_ASCII))
        .put((byte) ' ')
        .put(operation.getBytes(StandardCharsets.US_ASCII))
        .put((byte) ' ')
        .put(key.getBytes(StandardCharsets.US_ASCII))
        .put((byte) ' ')
        .put(Integer.toString(bytes).getBytes(StandardCharsets.US_ASCII))
        .put((byte) '\n');
    line.flip();
    while (line.hasRemaining()) {
      channel.write(line);
    }
  }

  /** Forces the log to the disk: {@code fdatasync}, milliseconds on a real disk. */
  void force() throws IOException {
    channel.force(false);
  }

  long lines() {
    return lines;
  }

  @Override
  public void close() throws IOException {
    channel.close();
    Files.deleteIfExists(file);
  }
}

package dev.gilscope.analyzer.read;

/**
 * One self-contained chunk of a recording, from its header.
 *
 * <p>{@code equals} and {@code hashCode} are written out: a record's own are bootstrapped through
 * {@code ObjectMethods} on first use, 13 ms of a cold analysis's start-up (the decoder compares
 * every chunk with the one it prepared).
 *
 * @param offset byte offset of the chunk in the file
 * @param sizeBytes the chunk's size, header included
 * @param startEpochNanos wall-clock start of the chunk
 * @param durationNanos how long the chunk recorded
 */
public record Chunk(long offset, long sizeBytes, long startEpochNanos, long durationNanos) {
  @Override
  public boolean equals(Object o) {
    return o instanceof Chunk c
        && offset == c.offset
        && sizeBytes == c.sizeBytes
        && startEpochNanos == c.startEpochNanos
        && durationNanos == c.durationNanos;
  }

  @Override
  public int hashCode() {
    int h = Long.hashCode(offset);
    h = 31 * h + Long.hashCode(sizeBytes);
    h = 31 * h + Long.hashCode(startEpochNanos);
    return 31 * h + Long.hashCode(durationNanos);
  }
}

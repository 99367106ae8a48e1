package dev.gilscope.analyzer.read;

/**
 * One self-contained chunk of a recording, from its header.
 *
 * @param offset byte offset of the chunk in the file
 * @param sizeBytes the chunk's size, header included
 * @param startEpochNanos wall-clock start of the chunk
 * @param durationNanos how long the chunk recorded
 */
public record Chunk(long offset, long sizeBytes, long startEpochNanos, long durationNanos) {}

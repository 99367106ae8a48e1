package dev.gilscope.demo.interp;

/**
 * What one interpreter worker did in a race.
 *
 * @param thread the worker's thread name
 * @param instructions instructions interpreted
 * @param acquisitions GIL acquisitions (0 where there is no GIL)
 * @param handoffsIn acquisitions that took the GIL from another thread (the first included)
 * @param maxGapNanos longest time between losing the GIL and getting it back (or the race's end)
 */
public record WorkerStats(
    String thread, long instructions, long acquisitions, long handoffsIn, long maxGapNanos) {}

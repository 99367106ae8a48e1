package dev.gilscope.agent.probe;

import java.util.Arrays;

/**
 * One thread's view of the instances of one monitored class: the counters of the instances it
 * locked that the agent does not track one by one (single writer, read racily by the statistics
 * flush, which emits differences), the instances it holds right now, and its request in flight.
 *
 * <p>The held stack is what lets the agent keep no state per instance: a reentrant entry, a release
 * and a wait are recognised by finding the object here, by reference, instead of looking it up by
 * identity hash. It holds an object strongly only while this thread holds its monitor.
 *
 * <p>Written on every acquisition by its thread only, so it is padded (superclass and subclass
 * fields, array slots) to keep other threads' records off its cache lines: the collector copies
 * these small objects next to each other, and without padding two threads would share a line.
 */
final class InstanceThread extends InstanceThreadFields {
  /** The pending request is for an untracked instance that is free. */
  static final byte NEW = 1;

  /** The pending request found the untracked instance held by another thread. */
  static final byte CONTENDED = 2;

  /** The pending request is a reentrant entry of an untracked instance. */
  static final byte REENTRANT = 3;

  /** The pending request is for a tracked instance: {@link #pendingState}. */
  static final byte TRACKED = 4;

  /** The pending request re-enters a monitor taken outside instrumented code: not counted. */
  static final byte UNSEEN = 5;

  // 64 bytes of padding after the fields (see the class comment)
  long q0;
  long q1;
  long q2;
  long q3;
  long q4;
  long q5;
  long q6;
  long q7;

  /**
   * The token of this thread's requests that leave work to the enter and the exit. Never written
   * after construction, so it needs no padding.
   */
  final PendingToken pendingToken;

  InstanceThread(InstanceClass type, Thread thread, ThreadStats stats) {
    super(thread, stats);
    pendingToken = new PendingToken(type, this);
  }
}

/** 64 bytes of padding before {@link InstanceThreadFields}' fields. */
abstract class InstanceThreadPadding {
  long p0;
  long p1;
  long p2;
  long p3;
  long p4;
  long p5;
  long p6;
  long p7;
}

/** The fields of {@link InstanceThread}, between its paddings. */
abstract class InstanceThreadFields extends InstanceThreadPadding {
  // deeper nesting of one class's instances than this is not followed (counted, then ignored)
  private static final int MAX_HELD = 64;
  // unused slots at both ends of each held array: 64 bytes of padding
  private static final int PAD = 16;

  final Thread thread;
  final long threadId;

  /** Where the flush copies this thread's counters: its ThreadMonitorStatistics. */
  final ThreadStats stats;

  // --- untracked instances, single writer ---
  long acquisitions;
  long contendedAcquisitions;
  long reentrantEntries;
  long handoffs;
  long waits;
  long notifies;

  // --- the request between beforeEnter and afterEnter ---
  Object pendingObject;
  // a call site just took this instance for a synchronized JDK method, whose entry is next
  Object callSiteObject;
  MonitorState pendingState;
  byte pendingKind;

  // --- the instances held now, innermost last, in slots PAD .. PAD + heldCount - 1 ---
  private Object[] held = new Object[PAD + 4 + PAD];
  private MonitorState[] heldStates = new MonitorState[PAD + 4 + PAD];
  private int[] heldDepth = new int[PAD + 4 + PAD];
  private int heldCount;

  InstanceThreadFields(Thread thread, ThreadStats stats) {
    this.thread = thread;
    this.threadId = thread.getId();
    this.stats = stats;
  }

  /** Index of {@code o} in the held stack, or -1. */
  final int find(Object o) {
    Object[] h = held;
    for (int i = PAD + heldCount - 1; i >= PAD; i--) {
      if (h[i] == o) {
        return i;
      }
    }
    return -1;
  }

  final MonitorState heldState(int index) {
    return heldStates[index];
  }

  final void reenter(int index) {
    heldDepth[index]++;
  }

  /** A first (non-reentrant) entry: {@code state} is null for an untracked instance. */
  final void push(Object o, MonitorState state) {
    int i = PAD + heldCount;
    if (i == held.length - PAD) {
      if (heldCount == MAX_HELD) {
        return;
      }
      grow();
    }
    held[i] = o;
    heldStates[i] = state;
    heldDepth[i] = 1;
    heldCount++;
  }

  /** One exit of the entry at {@code index}; the entry goes when its depth reaches zero. */
  final void exit(int index) {
    if (--heldDepth[index] != 0) {
      return;
    }
    int last = PAD + heldCount - 1;
    for (int i = index; i < last; i++) {
      held[i] = held[i + 1];
      heldStates[i] = heldStates[i + 1];
      heldDepth[i] = heldDepth[i + 1];
    }
    held[last] = null;
    heldStates[last] = null;
    heldCount--;
  }

  /**
   * Registry.activate: the enters and exits of the quiet period went unseen, so the held stack and
   * the pending request are stale. Written by the activating thread while this thread's probes do
   * not reach this record.
   */
  final void forgetHeld() {
    Arrays.fill(held, null);
    Arrays.fill(heldStates, null);
    Arrays.fill(heldDepth, 0);
    heldCount = 0;
    callSiteObject = null;
    clearPending();
  }

  final void clearPending() {
    pendingObject = null;
    pendingState = null;
    pendingKind = 0;
  }

  private void grow() {
    int size = PAD + heldCount * 2 + PAD;
    held = Arrays.copyOf(held, size);
    heldStates = Arrays.copyOf(heldStates, size);
    heldDepth = Arrays.copyOf(heldDepth, size);
  }
}

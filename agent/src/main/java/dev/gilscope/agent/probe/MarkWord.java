package dev.gilscope.agent.probe;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Reads an object's header word, so that a request for an instance the agent keeps no state for can
 * still tell whether the monitor is free, and whether the object was ever identity-hashed, without
 * calling {@link System#identityHashCode} (about 1 µs the first time, and it inflates a monitor
 * that another thread holds). HotSpot keeps the lock state in the low two bits of the mark word:
 * {@code 01} unlocked, {@code 00} thin- or fast-locked, {@code 10} inflated; an unlocked (and, with
 * JDK 21+'s lightweight locking, a fast-locked) mark also carries the identity hash.
 *
 * <p>Usable only after {@link #calibrate} checked those facts on this JVM (the agent exports {@code
 * jdk.internal.misc} to the probe first); on any other JVM or setting (biased locking on JDK 17) it
 * stays unusable and the agent does without: every untracked request then counts as uncontended.
 */
final class MarkWord {
  static final int UNLOCKED = 1;
  static final int LOCKED = 0;
  static final int INFLATED = 2;

  /** The hash could not be read from this mark (locked on JDK 17, inflated). */
  static final int HASH_UNKNOWN = -1;

  private static volatile boolean usable;
  private static int hashShift;
  // JDK 21+ lightweight (fast) locking keeps the hash in the mark of a locked object
  private static boolean hashWhileLocked;
  // JDK 17/21 stack locking: the displaced header is at the address the mark holds
  private static boolean displacedReadable;

  private MarkWord() {}

  static boolean usable() {
    return usable;
  }

  /** The header word of {@code o}; call only when {@link #usable()}. */
  static long read(Object o) {
    return read(o, 0L);
  }

  static int lockBits(long mark) {
    return (int) mark & 3;
  }

  /** The identity hash stored in {@code mark}: 0 when never hashed, or {@link #HASH_UNKNOWN}. */
  static int hash(long mark) {
    int bits = lockBits(mark);
    if (bits == UNLOCKED || (bits == LOCKED && hashWhileLocked)) {
      return (int) (mark >>> hashShift) & 0x7FFF_FFFF;
    }
    return HASH_UNKNOWN;
  }

  /**
   * The identity hash of an object the current thread holds, from {@code mark}: with JDK 17's stack
   * locking the mark points to the lock record on this thread's own stack, whose first word is the
   * displaced header (read only because this thread holds the lock, so the record is live). 0 when
   * never hashed; {@link #HASH_UNKNOWN} when inflated (hashing an inflated monitor is cheap).
   */
  static int hashHeldByMe(long mark) {
    int bits = lockBits(mark);
    if (bits == INFLATED) {
      return HASH_UNKNOWN;
    }
    if (bits != LOCKED || hashWhileLocked) {
      return hash(mark);
    }
    if (!displacedReadable) {
      return 0;
    }
    long displaced = read(null, mark);
    return lockBits(displaced) == UNLOCKED ? hash(displaced) : 0;
  }

  private static long read(Object base, long offset) {
    try {
      return (long) Access.GET_LONG.invokeExact(Access.UNSAFE, base, offset);
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  /**
   * Checks, on objects of its own, that lock bits and hash bits mean what this class assumes; makes
   * the class usable if they do. Needs {@code jdk.internal.misc} exported to the probe's module.
   * Returns why not, or null.
   */
  static synchronized String calibrate() {
    try {
      Object fresh = new Object();
      long unlocked = read(fresh);
      long locked;
      synchronized (fresh) {
        locked = read(fresh);
      }
      long released = read(fresh);
      if (lockBits(unlocked) != UNLOCKED
          || (unlocked & 7) != 1
          || lockBits(locked) == UNLOCKED
          || lockBits(released) != UNLOCKED) {
        return "lock bits of the object header are not the expected ones";
      }
      int hash = System.identityHashCode(fresh);
      long hashed = read(fresh);
      for (int shift = 2; shift <= 33; shift++) {
        if (((int) (hashed >>> shift) & 0x7FFF_FFFF) == hash
            && ((int) (unlocked >>> shift) & 0x7FFF_FFFF) == 0) {
          hashShift = shift;
          hashWhileLocked = keepsHashWhileLocked();
          displacedReadable = !hashWhileLocked && displacedHeaderHasHash();
          usable = true;
          return null;
        }
      }
      return "hash bits of the object header are not the expected ones";
    } catch (Throwable t) {
      return t.toString();
    }
  }

  private static boolean displacedHeaderHasHash() {
    Object o = new Object();
    int h = System.identityHashCode(o);
    synchronized (o) {
      long locked = read(o);
      if (lockBits(locked) != LOCKED) {
        return false;
      }
      displacedReadable = true;
      boolean readable = hashHeldByMe(locked) == h;
      displacedReadable = false;
      return readable;
    }
  }

  private static boolean keepsHashWhileLocked() {
    Object o = new Object();
    int h = System.identityHashCode(o);
    synchronized (o) {
      long locked = read(o);
      return lockBits(locked) == LOCKED && ((int) (locked >>> hashShift) & 0x7FFF_FFFF) == h;
    }
  }

  /** Resolved on first use, after the agent exported {@code jdk.internal.misc}. */
  private static final class Access {
    static final Object UNSAFE;
    static final MethodHandle GET_LONG;

    static {
      try {
        Class<?> type = Class.forName("jdk.internal.misc.Unsafe");
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        UNSAFE = lookup.findStatic(type, "getUnsafe", MethodType.methodType(type)).invoke();
        GET_LONG =
            lookup
                .findVirtual(
                    type, "getLong", MethodType.methodType(long.class, Object.class, long.class))
                .asType(MethodType.methodType(long.class, Object.class, Object.class, long.class));
      } catch (Throwable t) {
        throw new ExceptionInInitializerError(t);
      }
    }
  }
}

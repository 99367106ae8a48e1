package dev.gilscope.agent.probe;

import dev.gilscope.contract.GilscopeEvents;
import java.lang.ref.WeakReference;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;

/**
 * Which objects are tracked, and their {@link MonitorState}. The common case, one configured global
 * monitor, is a single reference comparison against the fast slot; everything else (more objects,
 * class monitors, conditions) goes through a weak identity table. Written at premain and when a
 * tracked field is assigned; read by every instrumented monitor site.
 *
 * <p>The volatile slots and flags below are what the hot path reads: the <em>published</em> view.
 * What is registered is kept apart ({@code registered*}, the tables), so that {@link #deactivate}
 * can publish a view that matches nothing (an attached agent after its last watch: every site costs
 * one reference comparison) and {@link #activate} can publish the registered states again, with
 * their counters, for the next watch.
 */
public final class Registry {
  private static final MonitorState NONE = new MonitorState();

  private static volatile MonitorState fastMonitor = NONE;
  private static volatile boolean monitorSlowPath;
  private static volatile MonitorState fastLock = NONE;
  private static volatile boolean lockSlowPath;
  private static final ConditionKey NO_CONDITION = new ConditionKey(new Object(), NONE);
  private static volatile ConditionKey fastCondition = NO_CONDITION;
  private static volatile boolean conditionSlowPath;

  private static final WeakIdentityTable<MonitorState> MONITORS = new WeakIdentityTable<>();
  private static final WeakIdentityTable<MonitorState> LOCKS = new WeakIdentityTable<>();
  private static final WeakIdentityTable<ConditionKey> CONDITIONS = new WeakIdentityTable<>();

  private static volatile String[] classMonitorNames = new String[0];
  private static volatile boolean classMonitors;
  // monitor=<class>: how many instances of each class are tracked on their own
  private static volatile int instanceBound = 100;

  // the first monitor=<class> class whose instance was locked: its instances skip the ClassValue
  // (a dozen dependent loads, ~5 ns on each of the millions of fresh instances a class may have)
  private static volatile InstanceClass firstInstanceClass;

  // a monitor other than the fast one is in MONITORS (a second field monitor)
  private static volatile boolean monitorTable;
  private static final ClassValue<InstanceClass> INSTANCE_CLASSES =
      new ClassValue<>() {
        @Override
        protected InstanceClass computeValue(Class<?> type) {
          for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (String name : classMonitorNames) {
              if (name.equals(c.getName())) {
                return new InstanceClass(
                    type,
                    instanceBound,
                    IDS.incrementAndGet(),
                    InstanceProbe.loadedClassesAdvised());
              }
            }
          }
          return null;
        }
      };

  private static volatile FieldSpec[] fieldSpecs = new FieldSpec[0];
  private static final AtomicReference<MonitorState> ALL = new AtomicReference<>();
  private static final AtomicInteger TRACKED = new AtomicInteger();
  private static final AtomicLong IDS = new AtomicLong();
  private static final Object REGISTER_LOCK = new Object();

  // what is registered, published to the slots above only while active (guarded by REGISTER_LOCK)
  // (volatile: a tracked field's write checks them without the lock)
  private static volatile MonitorState registeredMonitor = NONE;
  private static volatile MonitorState registeredLock = NONE;
  private static ConditionKey registeredCondition = fastCondition;
  private static boolean registeredMonitorSlowPath;
  private static boolean registeredLockSlowPath;
  private static boolean registeredConditionSlowPath;
  private static boolean active = true;

  private Registry() {}

  // ---------------------------------------------------------------- configuration (premain)

  public static void configure(String[] classMonitorNameList, FieldSpec[] fields) {
    classMonitorNames = classMonitorNameList.clone();
    synchronized (REGISTER_LOCK) {
      classMonitors = classMonitorNameList.length > 0;
      registeredMonitorSlowPath |= classMonitors;
      publish();
    }
    fieldSpecs = fields.clone();
  }

  // ---------------------------------------------------------------- quiet / active

  /**
   * Publishes a view that matches no object: every probe returns after one reference comparison and
   * a flag read, and nothing is counted. The states keep their counters. A thread inside a tracked
   * monitor now releases it unseen; {@link #activate} clears what that leaves behind.
   */
  public static void deactivate() {
    synchronized (REGISTER_LOCK) {
      active = false;
      publish();
    }
  }

  /**
   * Publishes the registered states again. Their ownership bookkeeping is cleared first (while no
   * new probe call can reach them): enters and exits went unseen while quiet, so an owner recorded
   * before is stale, and a thread holding a monitor now is treated like one that took it before
   * tracking began (its release is ignored, its next acquisition counts). No-op when active.
   */
  public static void activate() {
    synchronized (REGISTER_LOCK) {
      if (active) {
        return;
      }
      for (MonitorState s = ALL.get(); s != null; s = s.nextRegistered) {
        s.forgetOwnership();
      }
      active = true;
      publish();
    }
  }

  /**
   * Whether instances of {@code monitor=<class>} classes are monitored now: false while quiet, when
   * {@link #monitor} answers none of them (for probes that already hold their class).
   */
  static boolean instancesActive() {
    return monitorSlowPath;
  }

  public static boolean isActive() {
    synchronized (REGISTER_LOCK) {
      return active;
    }
  }

  /** Copies the registered view, or the empty one when quiet, to the hot path's slots. */
  private static void publish() {
    fastMonitor = active ? registeredMonitor : NONE;
    fastLock = active ? registeredLock : NONE;
    fastCondition = active ? registeredCondition : NO_CONDITION;
    monitorSlowPath = active && registeredMonitorSlowPath;
    lockSlowPath = active && registeredLockSlowPath;
    conditionSlowPath = active && registeredConditionSlowPath;
  }

  // ---------------------------------------------------------------- lookups (hot path)

  static MonitorState monitor(Object o) {
    MonitorState fast = fastMonitor;
    if (fast.strongKey == o) {
      return fast;
    }
    return monitorSlowPath ? monitorSlow(o) : null;
  }

  private static MonitorState monitorSlow(Object o) {
    if (o == null) {
      return null;
    }
    if (classMonitors) {
      // an instance of a monitor=<class> class: the class's "other instances" monitor, which hands
      // the operation to InstanceProbe (no identity hash, no lookup for a fresh instance)
      Class<?> type = o.getClass();
      InstanceClass first = firstInstanceClass;
      if (first != null && first.type == type) {
        return first.others;
      }
      InstanceClass c = INSTANCE_CLASSES.get(type);
      if (c != null) {
        if (first == null) {
          firstInstanceClass = c; // the ClassValue's one value: racing writers write the same
        }
        return c.others;
      }
    }
    return monitorTable ? MONITORS.get(o) : null;
  }

  static MonitorState lock(Object l) {
    MonitorState fast = fastLock;
    if (fast.strongKey == l) {
      return fast;
    }
    return lockSlowPath && l != null ? LOCKS.get(l) : null;
  }

  static MonitorState condition(Object c) {
    ConditionKey fast = fastCondition;
    if (fast.strongKey == c) {
      return fast.state;
    }
    if (!conditionSlowPath || c == null) {
      return null;
    }
    ConditionKey key = CONDITIONS.get(c);
    return key != null ? key.state : null;
  }

  // ---------------------------------------------------------------- registration

  /** A tracked field was assigned {@code value} (called from the instrumented field write). */
  static void fieldWritten(Object value, int specIndex) {
    FieldSpec[] specs = fieldSpecs;
    if (value == null || specIndex < 0 || specIndex >= specs.length) {
      return;
    }
    FieldSpec spec = specs[specIndex];
    if (spec.lock) {
      Object lock = value instanceof ReadWriteLock ? ((ReadWriteLock) value).writeLock() : value;
      if (lock instanceof Lock && !isRegisteredLock(lock)) {
        String kind =
            value instanceof ReadWriteLock
                ? "write lock of " + value.getClass().getSimpleName()
                : lock.getClass().getSimpleName();
        registerLock(lock, fieldName(spec) + " (" + kind + ")");
      }
    } else if (!isRegisteredMonitor(value)) {
      registerMonitor(value, fieldName(spec));
    }
  }

  /** The same field of a class defined by two loaders is two monitors, named by their loader. */
  private static String fieldName(FieldSpec spec) {
    return LoaderNames.qualify(spec.displayName, LoaderNames.callerLoader());
  }

  private static boolean isRegisteredMonitor(Object value) {
    return registeredMonitor.strongKey == value || MONITORS.get(value) != null;
  }

  private static boolean isRegisteredLock(Object value) {
    return registeredLock.strongKey == value || LOCKS.get(value) != null;
  }

  public static void registerMonitor(Object monitor, String name) {
    synchronized (REGISTER_LOCK) {
      if (isRegisteredMonitor(monitor)) {
        return;
      }
      boolean fast = registeredMonitor == NONE;
      MonitorState s = newState(monitor, name, GilscopeEvents.KIND_MONITOR, fast);
      if (fast) {
        registeredMonitor = s;
      } else {
        MONITORS.putIfAbsent(s);
        monitorTable = true;
        registeredMonitorSlowPath = true;
      }
      publish();
    }
  }

  static void registerLock(Object lock, String name) {
    synchronized (REGISTER_LOCK) {
      if (isRegisteredLock(lock)) {
        return;
      }
      boolean fast = registeredLock == NONE;
      MonitorState s = newState(lock, name, GilscopeEvents.KIND_LOCK, fast);
      if (fast) {
        registeredLock = s;
      } else {
        LOCKS.putIfAbsent(s);
        registeredLockSlowPath = true;
      }
      publish();
    }
  }

  static void registerCondition(Condition condition, MonitorState lockState) {
    synchronized (REGISTER_LOCK) {
      if (registeredCondition.state == NONE) {
        registeredCondition = new ConditionKey(condition, lockState);
      } else {
        CONDITIONS.putIfAbsent(new ConditionKey(condition, lockState));
        registeredConditionSlowPath = true;
      }
      publish();
    }
  }

  static void instanceBound(int bound) {
    instanceBound = bound;
  }

  /**
   * Starts tracking {@code o}, an instance of {@code c}'s class, as a monitor of its own; returns
   * its state, or null when {@code c} already tracks as many instances as it may.
   */
  static MonitorState trackInstance(InstanceClass c, Object o) {
    return trackInstance(c, o, false);
  }

  /**
   * Like {@link #trackInstance(InstanceClass, Object)}; {@code first}: a fresh instance, tracked
   * from its first acquisition (within the first-comers' half of the bound).
   */
  static MonitorState trackInstance(InstanceClass c, Object o, boolean first) {
    return trackInstance(c, o, first, first);
  }

  /**
   * Like {@link #trackInstance(InstanceClass, Object)}, for an instance found by a {@code wait()}
   * on it, within the half of the bound that first comers also use: short-lived instances that each
   * wait once must not take every place before a contended one needs it (places come back only at
   * the next statistics period, once the instances are collected; a class with a million such
   * instances missed its one contended instance that way now and then).
   */
  static MonitorState trackWaitedInstance(InstanceClass c, Object o) {
    return trackInstance(c, o, false, true);
  }

  private static MonitorState trackInstance(
      InstanceClass c, Object o, boolean first, boolean withinHalf) {
    MonitorState existing = MONITORS.get(o);
    if (existing != null || !(withinHalf ? c.reserveFirstComer() : c.reserve())) {
      return existing;
    }
    String name =
        LoaderNames.qualify(
            o.getClass().getName() + "@" + Integer.toHexString(System.identityHashCode(o)),
            o.getClass().getClassLoader());
    MonitorState created =
        new MonitorState(
            IDS.incrementAndGet(),
            name,
            o,
            GilscopeEvents.KIND_MONITOR,
            false,
            c,
            first ? 0 : System.currentTimeMillis());
    MonitorState winner = MONITORS.putIfAbsent(created);
    if (winner == created) {
      list(created);
    } else {
      c.release();
    }
    return winner;
  }

  /** The state of a tracked instance, or null. */
  static MonitorState trackedInstance(Object o) {
    return MONITORS.get(o);
  }

  /** The state of a tracked instance whose identity hash is known, or null. */
  static MonitorState trackedInstance(Object o, int identityHash) {
    return MONITORS.get(o, identityHash);
  }

  private static MonitorState newState(Object o, String name, String kind, boolean strong) {
    MonitorState s = newUnlistedState(o, name, kind, strong);
    list(s);
    return s;
  }

  private static MonitorState newUnlistedState(Object o, String name, String kind, boolean strong) {
    return new MonitorState(IDS.incrementAndGet(), name, o, kind, strong);
  }

  static void list(MonitorState s) {
    TRACKED.incrementAndGet();
    MonitorState head;
    do {
      head = ALL.get();
      s.nextRegistered = head;
    } while (!ALL.compareAndSet(head, s));
  }

  /** All states ever registered, newest first (statistics flush). */
  static MonitorState allStates() {
    return ALL.get();
  }

  public static int trackedCount() {
    return TRACKED.get();
  }

  /**
   * What a {@code monitor=C#f} / {@code lock=C#f} option names; indexes are baked into bytecode.
   */
  public static final class FieldSpec {
    final String displayName;
    final boolean lock;

    public FieldSpec(String displayName, boolean lock) {
      this.displayName = displayName;
      this.lock = lock;
    }
  }

  /** A condition of a tracked lock, held weakly. */
  static final class ConditionKey extends WeakReference<Object> {
    final MonitorState state;
    final Object strongKey;

    ConditionKey(Object condition, MonitorState state) {
      super(condition);
      this.state = state;
      this.strongKey = condition;
    }
  }
}

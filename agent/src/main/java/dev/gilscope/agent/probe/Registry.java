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
 */
public final class Registry {
  private static final MonitorState NONE = new MonitorState();

  private static volatile MonitorState fastMonitor = NONE;
  private static volatile boolean monitorSlowPath;
  private static volatile MonitorState fastLock = NONE;
  private static volatile boolean lockSlowPath;
  private static volatile ConditionKey fastCondition = new ConditionKey(new Object(), NONE);
  private static volatile boolean conditionSlowPath;

  private static final WeakIdentityTable<MonitorState> MONITORS = new WeakIdentityTable<>();
  private static final WeakIdentityTable<MonitorState> LOCKS = new WeakIdentityTable<>();
  private static final WeakIdentityTable<ConditionKey> CONDITIONS = new WeakIdentityTable<>();

  private static volatile String[] classMonitorNames = new String[0];
  private static volatile boolean classMonitors;
  // monitor=<class>: how many instances of each class are tracked on their own
  private static volatile int instanceBound = 100;

  // a monitor other than the fast one is in MONITORS (a second field monitor)
  private static volatile boolean monitorTable;
  private static final ClassValue<InstanceClass> INSTANCE_CLASSES =
      new ClassValue<>() {
        @Override
        protected InstanceClass computeValue(Class<?> type) {
          for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (String name : classMonitorNames) {
              if (name.equals(c.getName())) {
                return new InstanceClass(type, instanceBound, IDS.incrementAndGet());
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

  private Registry() {}

  // ---------------------------------------------------------------- configuration (premain)

  public static void configure(String[] classMonitorNameList, FieldSpec[] fields) {
    classMonitorNames = classMonitorNameList.clone();
    classMonitors = classMonitorNameList.length > 0;
    monitorSlowPath = classMonitors;
    fieldSpecs = fields.clone();
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
      InstanceClass c = INSTANCE_CLASSES.get(o.getClass());
      if (c != null) {
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
      if (lock instanceof Lock && lock(lock) == null) {
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
    return fastMonitor.strongKey == value || MONITORS.get(value) != null;
  }

  public static void registerMonitor(Object monitor, String name) {
    synchronized (REGISTER_LOCK) {
      if (isRegisteredMonitor(monitor)) {
        return;
      }
      boolean fast = fastMonitor == NONE;
      MonitorState s = newState(monitor, name, GilscopeEvents.KIND_MONITOR, fast);
      if (fast) {
        fastMonitor = s;
      } else {
        MONITORS.putIfAbsent(s);
        monitorTable = true;
        monitorSlowPath = true;
      }
    }
  }

  static void registerLock(Object lock, String name) {
    synchronized (REGISTER_LOCK) {
      if (lock(lock) != null) {
        return;
      }
      boolean fast = fastLock == NONE;
      MonitorState s = newState(lock, name, GilscopeEvents.KIND_LOCK, fast);
      if (fast) {
        fastLock = s;
      } else {
        LOCKS.putIfAbsent(s);
        lockSlowPath = true;
      }
    }
  }

  static void registerCondition(Condition condition, MonitorState lockState) {
    synchronized (REGISTER_LOCK) {
      if (fastCondition.state == NONE) {
        fastCondition = new ConditionKey(condition, lockState);
      } else {
        CONDITIONS.putIfAbsent(new ConditionKey(condition, lockState));
        conditionSlowPath = true;
      }
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
    MonitorState existing = MONITORS.get(o);
    if (existing != null || !(first ? c.reserveFirstComer() : c.reserve())) {
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

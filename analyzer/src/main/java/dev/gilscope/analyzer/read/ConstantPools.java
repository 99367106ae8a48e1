package dev.gilscope.analyzer.read;

import dev.gilscope.analyzer.model.MonitorStats;
import dev.gilscope.analyzer.model.ThreadStats;
import dev.gilscope.analyzer.read.JfrMetadata.Field;
import dev.gilscope.analyzer.read.JfrMetadata.Type;
import java.util.HashMap;
import java.util.Map;

/**
 * The constant pools of one chunk that the analysis resolves: thread names, class names (class to
 * symbol to string) and pooled strings; entries of other types (stack traces, methods, ...) are
 * parsed only to be skipped. The pools sit in checkpoint events ({@code [size][typeId 1][start]
 * [duration][delta to the previous checkpoint][type byte][pool count]}, then per pool {@code [type
 * id][count]} and {@code [key][value]...}) chained backwards from the header's constant-pool
 * offset. Like the JDK's parser, a key met again in an older checkpoint takes the older value.
 * Built once per chunk on the reading thread; resolved names are cached.
 */
final class ConstantPools {
  private final Map<Long, Object> strings = new HashMap<>();
  private final Map<Long, Object> symbols = new HashMap<>();
  private final Map<Long, Long> classSymbols = new HashMap<>();
  // one entry per thread: 100,000 for 100,000 virtual threads, looked up once per event. Made as
  // the pool is read, with the thread's fields; named on first use, as naming needs all pools read
  // (the name may be a pooled string). In the key order of a compact table, the entries lie in
  // memory in the order the pool lists them
  private final LongKeyMap<ThreadEntry> threads = new LongKeyMap<>();
  private final Map<Long, String> classNames = new HashMap<>();

  static ConstantPools read(ChunkInput in, JfrMetadata metadata, int firstCheckpoint) {
    ConstantPools pools = new ConstantPools();
    long position = firstCheckpoint;
    for (int checkpoints = 0; ; checkpoints++) {
      if (position <= 0 || position >= in.size() || checkpoints > 1_000_000) {
        throw new UnsupportedRecordingException("bad checkpoint position " + position);
      }
      in.position((int) position);
      in.readLong(); // size
      if (in.readLong() != 1) {
        throw new UnsupportedRecordingException("no checkpoint at " + position);
      }
      in.readLong(); // start
      in.readLong(); // duration
      long delta = in.readLong();
      in.readByte(); // checkpoint type
      int poolCount = in.readInt();
      for (int i = 0; i < poolCount; i++) {
        Type type = metadata.type(in.readLong());
        if (type == null) {
          throw new UnsupportedRecordingException("constant pool of undefined type");
        }
        int count = in.readInt();
        if (type.name.equals("java.lang.Thread")) {
          // a count no larger than the bytes left: a corrupt one must not reserve gigabytes
          pools.threads.reserve(pools.threads.size() + Math.min(count, in.size() - in.position()));
        }
        pools.readPool(in, type, count);
      }
      if (delta == 0) {
        pools.threads.compact();
        return pools;
      }
      position += delta;
    }
  }

  /**
   * Reads the {@code count} entries of one pool; what each field of the type is for is worked out
   * once per pool, not per entry (a pool of 100,000 threads compared field names 400,000 times).
   */
  private void readPool(ChunkInput in, Type type, int count) {
    switch (type.name) {
      case "java.lang.String" -> {
        for (int j = 0; j < count; j++) {
          strings.put(in.readLong(), Strings.readOrRef(in));
        }
      }
      case "jdk.types.Symbol" -> {
        for (int j = 0; j < count; j++) {
          long key = in.readLong();
          symbols.put(key, singleString(in, type));
        }
      }
      case "java.lang.Thread" -> {
        byte[] roles = threadFieldRoles(type);
        for (int j = 0; j < count; j++) {
          readThread(in, type, roles);
        }
      }
      case "java.lang.Class" -> {
        for (int j = 0; j < count; j++) {
          readClass(in, type);
        }
      }
      default -> {
        for (int j = 0; j < count; j++) {
          in.readLong(); // key
          Values.skipValue(in, type);
        }
      }
    }
  }

  // what a field of java.lang.Thread is for: its index in a thread's fields array, or SKIP
  private static final byte JAVA_NAME = 0;
  private static final byte OS_NAME = 1;
  private static final byte JAVA_THREAD_ID = 2;
  private static final byte VIRTUAL = 3;
  private static final byte SKIP = -1;

  private static byte[] threadFieldRoles(Type type) {
    byte[] roles = new byte[type.fields.length];
    for (int i = 0; i < roles.length; i++) {
      Field f = type.fields[i];
      if (f.kind == JfrMetadata.STRING && !f.array && f.name.equals("javaName")) {
        roles[i] = JAVA_NAME;
      } else if (f.kind == JfrMetadata.STRING && !f.array && f.name.equals("osName")) {
        roles[i] = OS_NAME;
      } else if (f.kind == JfrMetadata.LONG && !f.array && f.name.equals("javaThreadId")) {
        roles[i] = JAVA_THREAD_ID;
      } else if (f.kind == JfrMetadata.BOOLEAN && !f.array && f.name.equals("virtual")) {
        roles[i] = VIRTUAL;
      } else {
        roles[i] = SKIP;
      }
    }
    return roles;
  }

  private void readThread(ChunkInput in, Type type, byte[] roles) {
    long key = in.readLong();
    ThreadEntry entry = new ThreadEntry();
    for (int i = 0; i < roles.length; i++) {
      switch (roles[i]) {
        case JAVA_NAME -> entry.javaName = Strings.readOrRef(in);
        case OS_NAME -> entry.osName = Strings.readOrRef(in);
        case JAVA_THREAD_ID -> entry.javaThreadId = in.readLong();
        case VIRTUAL -> entry.virtual = in.readByte() != 0;
        default -> Values.skip(in, type.fields[i]);
      }
    }
    threads.put(key, entry);
  }

  private void readClass(ChunkInput in, Type type) {
    long key = in.readLong();
    Long symbol = null;
    for (Field f : type.fields) {
      if (f.name.equals("name") && f.kind == JfrMetadata.CONSTANT && !f.array) {
        symbol = in.readLong();
      } else {
        Values.skip(in, f);
      }
    }
    if (symbol == null) {
      throw new UnsupportedRecordingException("class constant without a name symbol");
    }
    classSymbols.put(key, symbol);
  }

  private static Object singleString(ChunkInput in, Type symbol) {
    if (symbol.fields.length != 1
        || symbol.fields[0].kind != JfrMetadata.STRING
        || symbol.fields[0].array) {
      throw new UnsupportedRecordingException("unexpected symbol layout");
    }
    return Strings.readOrRef(in);
  }

  private String resolve(Object s) {
    if (s instanceof Strings.PoolRef ref) {
      Object pooled = strings.get(ref.key());
      if (pooled instanceof Strings.PoolRef) {
        throw new UnsupportedRecordingException("string constant refers to a string constant");
      }
      return (String) pooled;
    }
    return (String) s;
  }

  /** A string field's value: inline, or the pooled string of a reference. */
  String string(Object inlineOrRef) {
    return resolve(inlineOrRef);
  }

  // small caches: events of a type come in runs from the same thread and the same class; two
  // entries for threads, as an event names two (its own and e.g. the previous owner, often none)
  private long lastThreadKey = -1;
  private String lastThreadName;
  private long olderThreadKey = -1;
  private String olderThreadName;
  private long lastClassKey = -1;
  private String lastClassName;

  String threadName(long key) {
    if (key == lastThreadKey) {
      return lastThreadName;
    }
    String name = key == olderThreadKey ? olderThreadName : lookUpThreadName(key);
    olderThreadKey = lastThreadKey;
    olderThreadName = lastThreadName;
    lastThreadKey = key;
    lastThreadName = name;
    return name;
  }

  private String lookUpThreadName(long key) {
    ThreadEntry entry = threadEntry(key);
    return entry == null ? null : entry.name();
  }

  /** The number of threads in the pool. */
  int threadCount() {
    return threads.size();
  }

  /** The pool's entry of thread {@code key}, or null when the pool has none. */
  ThreadEntry threadEntry(long key) {
    return threads.get(key);
  }

  /**
   * A thread of the chunk: its fields, the name made from them on first use, and the monitor whose
   * state of the thread the reader found last, with that state, so that the next event of the
   * thread on the same monitor reaches it without looking up the name in the monitor's map (100,000
   * virtual threads on one monitor: two or three cache misses per event). Written by the reader
   * that owns the chunk.
   */
  final class ThreadEntry {
    // the pool's fields: strings inline or references into the string pool (Strings.PoolRef)
    private Object javaName;
    private Object osName;
    private long javaThreadId; // 0 when the pool has none
    private boolean virtual;
    private String name;
    private boolean named;
    MonitorStats monitor;
    ThreadStats thread;

    /** The name the thread is reported by ({@link ThreadNames}); null when it has none. */
    String name() {
      if (!named) {
        name = ThreadNames.of(resolve(javaName), resolve(osName), javaThreadId, virtual);
        javaName = null;
        osName = null;
        named = true;
      }
      return name;
    }
  }

  String className(long key) {
    if (key == lastClassKey) {
      return lastClassName;
    }
    String name = lookUpClassName(key);
    lastClassKey = key;
    lastClassName = name;
    return name;
  }

  private String lookUpClassName(long key) {
    String cached = classNames.get(key);
    if (cached != null) {
      return cached;
    }
    Long symbol = classSymbols.get(key);
    if (symbol == null) {
      return null; // no such class: the JDK reads a null class
    }
    String name = resolve(symbols.get(symbol));
    if (name == null) {
      throw new UnsupportedRecordingException("class without a name");
    }
    name = name.replace('/', '.');
    classNames.put(key, name);
    return name;
  }
}

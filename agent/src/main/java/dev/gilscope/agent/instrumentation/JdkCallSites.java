package dev.gilscope.agent.instrumentation;

import dev.gilscope.agent.probe.CallSiteMonitor;
import java.lang.instrument.Instrumentation;
import java.lang.invoke.MethodType;
import java.lang.ref.WeakReference;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.pool.TypePool;

/**
 * Which application call sites get their monitor taken before the call (see {@link
 * CallSiteMonitor}): {@code invokevirtual}/{@code invokeinterface} of a method whose name and
 * descriptor are those of a {@code synchronized} instance method of a {@code monitor=C} JDK class
 * (declared in C or inherited from its superclasses), through C, a supertype of C other than {@code
 * Object}, or a subtype of C. Resolved by reflection once at premain (the JDK classes are loaded by
 * then); read-only afterwards, queried on class-loading threads.
 */
final class JdkCallSites {
  private final Map<ClassLoader, WeakReference<TypePool>> pools = new WeakHashMap<>();

  private final Map<String, Map<String, Integer>> indexByNameAndDescriptor;
  private final Set<String> trackedAndSupertypes;
  private final List<TypeDescription> tracked;
  private final Set<String> loadedBeforeAgent;
  private final Map<String, Boolean> jdkOwners = new ConcurrentHashMap<>();

  private JdkCallSites(
      Map<String, Map<String, Integer>> indexes,
      Set<String> related,
      List<TypeDescription> tracked,
      Set<String> loadedBeforeAgent) {
    this.indexByNameAndDescriptor = indexes;
    this.trackedAndSupertypes = related;
    this.tracked = tracked;
    this.loadedBeforeAgent = loadedBeforeAgent;
  }

  /**
   * The call sites for the JDK classes among {@code classMonitors}, or null when there are none;
   * configures the probe with the same method indexes.
   */
  static JdkCallSites resolve(Collection<String> classMonitors, Instrumentation instrumentation) {
    ClassLoader platform = ClassLoader.getPlatformClassLoader();
    List<Class<?>> jdkClasses = new ArrayList<>();
    for (String name : classMonitors) {
      try {
        Class<?> c = Class.forName(name, false, platform);
        if ((c.getClassLoader() == null || c.getClassLoader() == platform) && !c.isInterface()) {
          jdkClasses.add(c);
        }
      } catch (ClassNotFoundException | LinkageError e) {
        // an application class: its synchronized methods are rewritten where it is defined
      }
    }
    if (jdkClasses.isEmpty()) {
      return null;
    }
    Map<String, Map<String, Integer>> indexes = new HashMap<>();
    List<String> names = new ArrayList<>();
    List<String> descriptors = new ArrayList<>();
    Set<String> related = new HashSet<>();
    List<TypeDescription> tracked = new ArrayList<>();
    for (Class<?> c : jdkClasses) {
      tracked.add(TypeDescription.ForLoadedType.of(c));
      addSupertypes(c, related);
      for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
        for (Method m : k.getDeclaredMethods()) {
          int mod = m.getModifiers();
          if (Modifier.isSynchronized(mod) && !Modifier.isStatic(mod) && !Modifier.isPrivate(mod)) {
            String descriptor =
                MethodType.methodType(m.getReturnType(), m.getParameterTypes())
                    .toMethodDescriptorString();
            Map<String, Integer> byDescriptor =
                indexes.computeIfAbsent(m.getName(), n -> new HashMap<>());
            if (!byDescriptor.containsKey(descriptor)) {
              byDescriptor.put(descriptor, names.size());
              names.add(m.getName());
              descriptors.add(descriptor);
            }
          }
        }
      }
    }
    CallSiteMonitor.configure(
        jdkClasses.toArray(new Class<?>[0]),
        names.toArray(new String[0]),
        descriptors.toArray(new String[0]));
    Set<String> loaded = new HashSet<>();
    for (Class<?> c : instrumentation.getAllLoadedClasses()) {
      ClassLoader loader = c.getClassLoader();
      if (loader != null && loader != platform) {
        loaded.add(c.getName().replace('.', '/'));
      }
    }
    return new JdkCallSites(indexes, related, tracked, loaded);
  }

  private static void addSupertypes(Class<?> c, Set<String> into) {
    if (c == null || c == Object.class || !into.add(c.getName().replace('.', '/'))) {
      return;
    }
    addSupertypes(c.getSuperclass(), into);
    for (Class<?> i : c.getInterfaces()) {
      addSupertypes(i, into);
    }
  }

  /**
   * Whether call sites in this class may be replaced by helper methods: not in a class that was
   * loaded before the agent (retransformation cannot add methods), nor in an interface whose class
   * file predates private interface methods (Java 8, version 52).
   */
  boolean appliesTo(String internalName, int classVersion, boolean isInterface) {
    return !loadedBeforeAgent.contains(internalName) && (!isInterface || classVersion >= 52);
  }

  /**
   * The types that {@code loader} sees, to find whether a call's owner extends a tracked class:
   * Byte Buddy's pool reads class files without loading them (Byte Buddy is loaded anyway when a
   * JDK class is tracked, for the advice on its methods). One pool per loader, so that the
   * supertypes each class file names are parsed once: held weakly both ways (the pool refers to its
   * loader, which must stay collectable), so a collected pool is simply made again.
   */
  TypePool typesOf(ClassLoader loader) {
    synchronized (pools) {
      WeakReference<TypePool> cached = pools.get(loader);
      TypePool pool = cached != null ? cached.get() : null;
      if (pool == null) {
        pool = TypePool.Default.of(ClassFileLocator.ForClassLoader.of(loader));
        pools.put(loader, new WeakReference<>(pool));
      }
      return pool;
    }
  }

  /** The probe's index of the called method, or -1 when this call is not one of them. */
  int methodIndex(String owner, String name, String descriptor, TypePool pool) {
    Map<String, Integer> byDescriptor = indexByNameAndDescriptor.get(name);
    if (byDescriptor == null) {
      return -1;
    }
    Integer index = byDescriptor.get(descriptor);
    if (index == null || !mayReachTrackedClass(owner, pool)) {
      return -1;
    }
    return index;
  }

  private boolean mayReachTrackedClass(String owner, TypePool pool) {
    if (owner.charAt(0) == '[' || owner.equals("java/lang/Object")) {
      return false;
    }
    if (trackedAndSupertypes.contains(owner)) {
      return true;
    }
    Boolean known = jdkOwners.get(owner);
    if (known != null) {
      return known;
    }
    boolean subtype = isSubtypeOfTracked(owner, pool);
    if (owner.startsWith("java/") || owner.startsWith("javax/") || owner.startsWith("jdk/")) {
      jdkOwners.put(owner, subtype); // a JDK class name means the same class in every loader
    }
    return subtype;
  }

  /** Unresolvable owners count as possible subtypes: the probe decides at run time. */
  private boolean isSubtypeOfTracked(String owner, TypePool pool) {
    try {
      TypePool.Resolution resolution = pool.describe(owner.replace('/', '.'));
      if (!resolution.isResolved()) {
        return true;
      }
      TypeDescription type = resolution.resolve();
      for (TypeDescription t : tracked) {
        if (type.isAssignableTo(t)) {
          return true;
        }
      }
      return false;
    } catch (RuntimeException | LinkageError e) {
      return true;
    }
  }
}

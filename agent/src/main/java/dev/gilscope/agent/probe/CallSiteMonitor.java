package dev.gilscope.agent.probe;

import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * Called from the helper that replaces an application's call of a {@code synchronized} method of a
 * {@code monitor=C} JDK class: the helper takes the receiver's monitor itself, before the call, as
 * a {@code synchronized (receiver)} block would, so the request and its wait are seen; the JVM's
 * own entry inside the method is then reentrant and free. The helper's shape: {@code state =
 * stateFor(receiver, method); if (state == null) return call; synchronized (receiver) {
 * entered(state, receiver); call; exiting(state, receiver); }} with {@code exiting} also on the
 * exception path. For an instance of a {@code monitor=<class>} class the state is the class's (see
 * {@link InstanceProbe}), which needs the receiver to find the instance's own.
 *
 * <p>A call site is matched by name and descriptor only, so the receiver may be something else: a
 * {@code HashMap} behind {@code Map.put}, a subclass whose override is not synchronized, or null.
 * Then {@link #stateFor} returns null and the helper just makes the call: no monitor is taken that
 * the original call would not take, at the cost of one {@code ClassValue} lookup.
 */
public final class CallSiteMonitor {
  private static volatile Class<?>[] trackedClasses = new Class<?>[0];
  private static volatile String[] names = new String[0];
  private static volatile String[] descriptors = new String[0];

  private static final ClassValue<boolean[]> SYNCHRONIZED =
      new ClassValue<>() {
        @Override
        protected boolean[] computeValue(Class<?> receiverClass) {
          return synchronizedMethodsOf(receiverClass);
        }
      };

  private CallSiteMonitor() {}

  /**
   * Premain, before any call site is rewritten: the tracked JDK classes and the methods that call
   * sites name by index (one name and descriptor each).
   */
  public static void configure(Class<?>[] tracked, String[] methodNames, String[] methodDescs) {
    trackedClasses = tracked.clone();
    names = methodNames.clone();
    descriptors = methodDescs.clone();
  }

  /**
   * The receiver's state when the call runs a synchronized method of a tracked class (its request
   * is recorded here, before the wait: the helper then locks the receiver), else null (the helper
   * makes the plain call). Typed {@code Object}: the helper only hands it back.
   */
  public static Object stateFor(Object receiver, int method) {
    if (receiver == null) {
      return null;
    }
    try {
      if (SYNCHRONIZED.get(receiver.getClass())[method]) {
        MonitorState s = Registry.monitor(receiver);
        if (s != null && s.instances != null) {
          InstanceProbe.beforeEnter(s.instances, receiver);
        } else if (s != null) {
          s.request(true);
        }
        return s;
      }
    } catch (Throwable t) {
      Errors.suppressed(t);
    }
    return null;
  }

  /** First instruction inside the helper's synchronized region. */
  public static void entered(Object state, Object receiver) {
    try {
      MonitorState s = (MonitorState) state;
      if (s.instances != null) {
        InstanceProbe.afterCallSiteEnter(s.instances, receiver);
      } else {
        s.acquiredAtCallSite();
      }
    } catch (Throwable t) {
      Errors.suppressed(t);
    }
  }

  /** Before the helper's {@code monitorexit}, on the normal and the exception path. */
  public static void exiting(Object state, Object receiver) {
    try {
      MonitorState s = (MonitorState) state;
      if (s.instances != null) {
        InstanceProbe.beforeCallSiteExit(s.instances, receiver);
      } else {
        s.releasingCallSite();
      }
    } catch (Throwable t) {
      Errors.suppressed(t);
    }
  }

  /**
   * For each configured method, whether a virtual call of it on an instance of {@code type}
   * dispatches to a synchronized instance method; all false unless {@code type} is a tracked class
   * or a subclass. A class whose methods cannot be listed (a missing dependency) gets all false.
   */
  static boolean[] synchronizedMethodsOf(Class<?> type) {
    String[] methodNames = names;
    boolean[] result = new boolean[methodNames.length];
    if (!isTracked(type)) {
      return result;
    }
    try {
      for (int i = 0; i < methodNames.length; i++) {
        Method m = dispatchTarget(type, methodNames[i], descriptors[i]);
        result[i] =
            m != null
                && Modifier.isSynchronized(m.getModifiers())
                && !Modifier.isStatic(m.getModifiers());
      }
    } catch (LinkageError | SecurityException e) {
      return new boolean[methodNames.length];
    }
    return result;
  }

  private static boolean isTracked(Class<?> type) {
    for (Class<?> tracked : trackedClasses) {
      if (tracked.isAssignableFrom(type)) {
        return true;
      }
    }
    return false;
  }

  /** The most derived declaration in the superclass chain (a default method is never one). */
  private static Method dispatchTarget(Class<?> type, String name, String descriptor) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      for (Method m : c.getDeclaredMethods()) {
        if (m.getName().equals(name)
            && !m.isBridge()
            && MethodType.methodType(m.getReturnType(), m.getParameterTypes())
                .toMethodDescriptorString()
                .equals(descriptor)) {
          return m;
        }
      }
    }
    return null;
  }
}

package dev.gilscope.agent.instrumentation;

/** Which {@code Lock}/{@code Condition} call sites {@link SiteRewriter} redirects. */
final class LockSites {
  private LockSites() {}

  static boolean isLockOwner(String owner) {
    return owner.equals("java/util/concurrent/locks/Lock")
        || owner.equals("java/util/concurrent/locks/ReentrantLock")
        || owner.equals("java/util/concurrent/locks/ReentrantReadWriteLock$WriteLock");
  }

  static boolean isLockMethod(String name, String descriptor) {
    switch (name) {
      case "lock":
      case "lockInterruptibly":
      case "unlock":
        return descriptor.equals("()V");
      case "tryLock":
        return descriptor.equals("()Z") || descriptor.equals("(JLjava/util/concurrent/TimeUnit;)Z");
      case "newCondition":
        return descriptor.equals("()Ljava/util/concurrent/locks/Condition;");
      default:
        return false;
    }
  }

  static boolean isConditionOwner(String owner) {
    return owner.equals("java/util/concurrent/locks/Condition")
        || owner.equals("java/util/concurrent/locks/AbstractQueuedSynchronizer$ConditionObject");
  }

  static boolean isConditionMethod(String name, String descriptor) {
    switch (name) {
      case "await":
        return descriptor.equals("()V") || descriptor.equals("(JLjava/util/concurrent/TimeUnit;)Z");
      case "awaitNanos":
        return descriptor.equals("(J)J");
      case "awaitUninterruptibly":
      case "signal":
      case "signalAll":
        return descriptor.equals("()V");
      case "awaitUntil":
        return descriptor.equals("(Ljava/util/Date;)Z");
      default:
        return false;
    }
  }
}

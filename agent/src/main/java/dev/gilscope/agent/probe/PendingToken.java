package dev.gilscope.agent.probe;

/**
 * The token of a request that left the enter and the exit work to do: a tracked instance, or a
 * reentrant, contended or unseen entry of an untracked one ({@link InstanceProbe#request}). It
 * carries the class and the thread's record, so that the enter and the exit do not look them up
 * again (two lookups each: the object's class in the registry, the thread in the class). One per
 * thread and class, made with the thread's record.
 */
final class PendingToken {
  final InstanceClass type;
  final InstanceThread thread;

  PendingToken(InstanceClass type, InstanceThread thread) {
    this.type = type;
    this.thread = thread;
  }
}

package dev.gilscope.agent.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The registry made quiet after the last watch and active for the next one: nothing is counted
 * while quiet, the counters are kept, and the enters and exits that went unseen while quiet leave
 * the owner, depth and waiter bookkeeping exact for what is counted after.
 */
class QuietRegistryTest {
  @AfterEach
  void active() {
    Registry.activate();
  }

  private static void locked(Object monitor, Runnable body) {
    Probe.beforeEnter(monitor);
    synchronized (monitor) {
      Probe.afterEnter(monitor);
      try {
        body.run();
      } finally {
        Probe.beforeExit(monitor);
      }
    }
  }

  private static Object tracked(String name) {
    Object monitor = new Object();
    Registry.registerMonitor(monitor, name);
    assertThat(Registry.monitor(monitor)).isNotNull();
    return monitor;
  }

  private static void times(int n, Object monitor) {
    for (int i = 0; i < n; i++) {
      locked(monitor, () -> {});
    }
  }

  @Test
  void quietCountsNothingAndKeepsTheCounters() {
    Object m = tracked("quiet#keeps");
    MonitorState s = Registry.monitor(m);
    times(3, m);
    Registry.deactivate();
    assertThat(Registry.isActive()).isFalse();
    assertThat(Registry.monitor(m)).isNull();
    times(5, m);
    assertThat(s.acquisitions).isEqualTo(3);
    Registry.activate();
    assertThat(Registry.monitor(m)).isSameAs(s);
    times(4, m);
    assertThat(s.acquisitions).isEqualTo(7);
    assertThat(s.reentrantEntries).isZero();
    assertThat(s.ownerNow()).isNull();
  }

  @Test
  void aMonitorRegisteredWhileQuietIsTrackedOnceActive() {
    tracked("quiet#first"); // whichever slot the earlier tests left, this one is not the only one
    Registry.deactivate();
    Object m = new Object();
    Registry.registerMonitor(m, "quiet#registeredWhileQuiet");
    assertThat(Registry.monitor(m)).isNull();
    Registry.activate();
    MonitorState s = Registry.monitor(m);
    assertThat(s).isNotNull();
    times(2, m);
    assertThat(s.acquisitions).isEqualTo(2);
  }

  @Test
  void aHolderThatReleasesWhileQuietIsNotTheOwnerAfter() throws Exception {
    Object m = tracked("quiet#heldAtDeactivation");
    MonitorState s = Registry.monitor(m);
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread holder =
        new Thread(
            () ->
                locked(
                    m,
                    () -> {
                      holding.countDown();
                      await(release);
                    }));
    holder.start();
    holding.await();
    Registry.deactivate(); // the holder's release goes unseen: the state still names it owner
    release.countDown();
    holder.join();
    Registry.activate();
    assertThat(s.ownerNow()).isNull();
    times(2, m); // not a reentry of a stale owner, not contended with it
    Thread other = new Thread(() -> times(1, m));
    other.start();
    other.join();
    assertThat(s.acquisitions).isEqualTo(1 + 3);
    assertThat(s.reentrantEntries).isZero();
    assertThat(s.contendedAcquisitions).isZero();
    assertThat(s.ownerNow()).isNull();
  }

  @Test
  void aThreadThatEnteredWhileQuietHasItsExitIgnoredAndItsNextAcquisitionCounted()
      throws Exception {
    Object m = tracked("quiet#enteredWhileQuiet");
    MonitorState s = Registry.monitor(m);
    Registry.deactivate();
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch go = new CountDownLatch(1);
    Thread t =
        new Thread(
            () ->
                locked(
                    m,
                    () -> {
                      holding.countDown();
                      await(go);
                      locked(m, () -> {}); // seen: the only acquisition this thread counts
                    }));
    t.start();
    holding.await();
    Registry.activate(); // while t holds the monitor it entered unseen
    go.countDown();
    t.join();
    times(1, m);
    assertThat(s.acquisitions).isEqualTo(2);
    assertThat(s.reentrantEntries).isZero();
    assertThat(s.contendedAcquisitions).isZero();
    assertThat(s.ownerNow()).isNull();
  }

  @Test
  void aWaiterLetInWhileQuietIsNotCountedAsWaitingAfter() throws Exception {
    Object m = tracked("quiet#waiter");
    MonitorState s = Registry.monitor(m);
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread holder =
        new Thread(
            () ->
                locked(
                    m,
                    () -> {
                      holding.countDown();
                      await(release);
                    }));
    holder.start();
    holding.await();
    Thread waiter = new Thread(() -> times(1, m));
    waiter.start();
    while (waiter.getState() != Thread.State.BLOCKED) {
      Thread.onSpinWait(); // its request is counted: one waiter
    }
    assertThat(s.waitersNow()).isEqualTo(1);
    Registry.deactivate(); // it gets in unseen
    release.countDown();
    holder.join();
    waiter.join();
    Registry.activate();
    assertThat(s.waitersNow()).isZero();
    long passOvers = s.passOvers;
    times(2, m);
    assertThat(s.passOvers).isEqualTo(passOvers);
    assertThat(s.acquisitions).isEqualTo(1 + 2);
    assertThat(s.ownerNow()).isNull();
  }

  @Test
  void locksGoQuietToo() {
    ReentrantLock lock = new ReentrantLock();
    Registry.registerLock(lock, "quiet#lock");
    MonitorState s = Registry.lock(lock);
    LockProbe.lock(lock);
    LockProbe.unlock(lock);
    Registry.deactivate();
    assertThat(Registry.lock(lock)).isNull();
    LockProbe.lock(lock);
    LockProbe.lock(lock);
    LockProbe.unlock(lock);
    Registry.activate();
    LockProbe.unlock(lock); // the outer hold, taken while quiet: ignored
    assertThat(s.ownerNow()).isNull();
    LockProbe.lock(lock);
    LockProbe.unlock(lock);
    assertThat(s.acquisitions).isEqualTo(2);
    assertThat(s.reentrantEntries).isZero();
    assertThat(lock.isLocked()).isFalse();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

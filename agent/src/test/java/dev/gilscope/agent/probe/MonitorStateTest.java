package dev.gilscope.agent.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

/**
 * The probe's counting rules, driven in-process the way instrumented code calls it (no JFR
 * recording runs, so no events are written; only the counters are checked).
 */
class MonitorStateTest {
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

  private static MonitorState tracked(String name) {
    Object monitor = new Object();
    Registry.registerMonitor(monitor, name);
    MonitorState s = Registry.monitor(monitor);
    assertThat(s).isNotNull();
    return s;
  }

  private static Object monitorOf(MonitorState s) {
    return s.strongKey != null ? s.strongKey : s.get();
  }

  @Test
  void countsAcquisitionsReentrancyAndHandoffs() throws Exception {
    MonitorState s = tracked("test#counts");
    Object m = monitorOf(s);
    for (int i = 0; i < 3; i++) {
      locked(m, () -> locked(m, () -> {}));
    }
    Thread other = new Thread(() -> locked(m, () -> {}));
    other.start();
    other.join();
    locked(m, () -> {});
    assertThat(s.acquisitions).isEqualTo(5);
    assertThat(s.reentrantEntries).isEqualTo(3);
    assertThat(s.handoffs).isEqualTo(2); // to the other thread, and back
    assertThat(s.contendedAcquisitions).isZero();
    assertThat(s.ownerNow()).isNull();
  }

  @Test
  void exceptionsInsideReleaseTheBookkeeping() {
    MonitorState s = tracked("test#exceptions");
    Object m = monitorOf(s);
    for (int i = 0; i < 4; i++) {
      try {
        locked(
            m,
            () -> {
              throw new IllegalStateException();
            });
      } catch (IllegalStateException expected) {
        // released
      }
    }
    assertThat(s.acquisitions).isEqualTo(4);
    assertThat(s.ownerNow()).isNull();
  }

  @Test
  void measuresAContendedAcquisition() throws Exception {
    MonitorState s = tracked("test#contended");
    Object m = monitorOf(s);
    CountDownLatch held = new CountDownLatch(1);
    Thread[] waiter = new Thread[1];
    Thread holder =
        new Thread(
            () ->
                locked(
                    m,
                    () -> {
                      held.countDown();
                      while (waiter[0].getState() != Thread.State.BLOCKED) {
                        Thread.onSpinWait();
                      }
                      sleep(20);
                    }));
    waiter[0] =
        new Thread(
            () -> {
              await(held);
              locked(m, () -> {});
            });
    holder.start();
    waiter[0].start();
    holder.join();
    waiter[0].join();
    assertThat(s.acquisitions).isEqualTo(2);
    assertThat(s.contendedAcquisitions).isEqualTo(1);
    assertThat(s.handoffs).isEqualTo(1);
    assertThat(s.timedWaits).isEqualTo(1);
    assertThat(s.totalWaitNanos).isGreaterThanOrEqualTo(15_000_000L);
    assertThat(s.maxQueueLength).isEqualTo(1);
    assertThat(s.waitersNow()).isZero();
    // the contended hold is timed
    assertThat(s.timedHolds).isGreaterThanOrEqualTo(1);
  }

  @Test
  void aFairLocksReleaserThatAsksAgainWithOthersQueuedIsContended() throws Exception {
    ReentrantLock lock = new ReentrantLock(true);
    Registry.registerLock(lock, "test#fair");
    MonitorState s = Registry.lock(lock);
    Thread main = Thread.currentThread();
    LockProbe.lock(lock);
    Thread queued =
        new Thread(
            () -> {
              LockProbe.lock(lock);
              // holds it until the releaser has asked again, whenever it asked
              while (!lock.hasQueuedThread(main)) {
                Thread.onSpinWait();
              }
              LockProbe.unlock(lock);
            });
    queued.start();
    while (!lock.hasQueuedThread(queued)) {
      Thread.onSpinWait();
    }
    // the lock is free when this request is made, but it queues behind the woken thread
    LockProbe.unlock(lock);
    LockProbe.lock(lock);
    LockProbe.unlock(lock);
    queued.join();
    assertThat(s.acquisitions).isEqualTo(3);
    assertThat(s.contendedAcquisitions).isEqualTo(2);
    assertThat(s.barging).isZero();
    assertThat(s.waitersNow()).isZero();
  }

  @Test
  void aFairLocksTryLockBargesInAndIsNotContended() throws Exception {
    ReentrantLock lock = new ReentrantLock(true);
    Registry.registerLock(lock, "test#fair-trylock");
    MonitorState s = Registry.lock(lock);
    CountDownLatch tried = new CountDownLatch(1);
    LockProbe.lock(lock);
    Thread queued =
        new Thread(
            () -> {
              LockProbe.lock(lock);
              await(tried); // holds it until the releaser has tried
              LockProbe.unlock(lock);
            });
    queued.start();
    while (!lock.hasQueuedThread(queued)) {
      Thread.onSpinWait();
    }
    LockProbe.unlock(lock);
    // tryLock() ignores fairness: it takes a free lock whoever is queued
    boolean barged = LockProbe.tryLock(lock);
    if (barged) {
      LockProbe.unlock(lock);
    }
    tried.countDown();
    queued.join();
    assertThat(s.contendedAcquisitions).isEqualTo(1);
    assertThat(s.acquisitions).isEqualTo(barged ? 3 : 2);
    assertThat(s.barging).isEqualTo(barged ? 1 : 0);
  }

  @Test
  void waitIsNotANewAcquisition() throws Exception {
    MonitorState s = tracked("test#wait");
    Object m = monitorOf(s);
    locked(
        m,
        () -> {
          try {
            Probe.waitOn(m, 5);
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
          Probe.notifyAllOn(m);
        });
    assertThat(s.acquisitions).isEqualTo(1);
    assertThat(s.waits).isEqualTo(1);
    assertThat(s.timedOutWaits).isEqualTo(1);
    assertThat(s.notifies).isEqualTo(1);
    assertThat(s.ownerNow()).isNull();
  }

  @Test
  void untrackedObjectsAreIgnored() {
    Object untracked = new Object();
    locked(untracked, () -> {});
    assertThat(Registry.monitor(untracked)).isNull();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void timesTheGapFromASampledReleaseToTheSameThreadsNextRequest() {
    MonitorState s = tracked("test#gaps");
    Object m = monitorOf(s);
    // the default detail times 1 uncontended hold in Detail.sampleEvery, and the gap after it
    int acquisitions = 3 * Detail.sampleEvery;
    for (int i = 0; i < acquisitions; i++) {
      locked(m, () -> {});
    }
    assertThat(s.acquisitions).isEqualTo(acquisitions);
    assertThat(s.sampledHolds).isEqualTo(3);
    // the third sampled release's gap is still open: no request followed it
    assertThat(s.timedGaps).isEqualTo(2);
    assertThat(s.sampledGaps).isEqualTo(2);
    assertThat(s.sampledGapNanos).isEqualTo(s.totalGapNanos);
    assertThat(s.totalGapNanos).isPositive();
    // each uncontended acquisition that ended a timed gap also timed its own entry
    assertThat(s.timedEntries).isEqualTo(2);
    assertThat(s.totalEntryNanos).isNotNegative();
  }

  /** As rewritten application code: {@code exiting} before the exit, {@code exited} after it. */
  private static void lockedAtSite(Object monitor, Runnable beforeTheExit) {
    Probe.beforeEnter(monitor);
    Object gap;
    synchronized (monitor) {
      Probe.afterEnter(monitor);
      gap = Probe.exiting(monitor);
      beforeTheExit.run();
    }
    Probe.exited(gap);
  }

  @Test
  void aSitesGapStartsAfterItsMonitorexit() throws Exception {
    MonitorState s = tracked("test#gapAfterExit");
    Object m = monitorOf(s);
    CountDownLatch held = new CountDownLatch(1);
    Thread waiter =
        new Thread(
            () -> {
              await(held);
              // contended: its hold is timed, and so is the gap after it; the 20 ms between the
              // probe's release and the monitorexit are handing the monitor over, not work outside
              lockedAtSite(m, () -> sleep(20));
              lockedAtSite(m, () -> {});
            });
    waiter.start();
    locked(
        m,
        () -> {
          held.countDown();
          while (waiter.getState() != Thread.State.BLOCKED) {
            Thread.onSpinWait();
          }
        });
    waiter.join();
    assertThat(s.contendedAcquisitions).isEqualTo(1);
    assertThat(s.timedGaps).isEqualTo(1);
    assertThat(s.totalGapNanos).isLessThan(20_000_000L);
  }
}

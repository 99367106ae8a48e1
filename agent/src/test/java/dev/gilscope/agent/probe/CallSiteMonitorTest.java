package dev.gilscope.agent.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The call-site acquisition of a synchronized method of a tracked class, driven in-process the way
 * the generated helper and the method's entry advice call the probe: one acquisition per call, the
 * method's own entry neither an acquisition nor a reentry, and no monitor taken for receivers whose
 * method is not synchronized.
 */
class CallSiteMonitorTest {
  private static final int BUMP = 0;
  private static final int PEEK = 1;

  /** Stands for a JDK class such as Hashtable: {@code bump} synchronized, {@code peek} not. */
  static class Table {
    int count;

    synchronized void bump() {
      Probe.enteredSynchronizedMethod(this); // the retransformed method's entry advice
      try {
        count++;
        if (count < 0) {
          throw new IllegalStateException("negative");
        }
      } finally {
        Probe.beforeExit(this); // its exit advice
      }
    }

    int peek() {
      return count;
    }
  }

  /** A subclass whose override is not synchronized: its calls must not lock the receiver. */
  static final class UnsynchronizedTable extends Table {
    @Override
    void bump() {
      count++;
    }
  }

  @BeforeAll
  static void configure() {
    CallSiteMonitor.configure(
        new Class<?>[] {Table.class}, new String[] {"bump", "peek"}, new String[] {"()V", "()I"});
  }

  /** What the helper {@code gilscope$sync$N} does for {@code table.bump()}. */
  private static void callBump(Table table) {
    Object state = CallSiteMonitor.stateFor(table, BUMP);
    if (state == null) {
      table.bump();
      return;
    }
    synchronized (table) {
      CallSiteMonitor.entered(state, table);
      try {
        table.bump();
      } finally {
        CallSiteMonitor.exiting(state, table);
      }
    }
  }

  private static MonitorState tracked(Table table, String name) {
    Registry.registerMonitor(table, name);
    return Registry.monitor(table);
  }

  @Test
  void theMethodsOwnEntryIsPartOfTheCallSitesAcquisition() {
    Table table = new Table();
    MonitorState s = tracked(table, "test#callSite");
    for (int i = 0; i < 3; i++) {
      callBump(table);
    }
    assertThat(table.count).isEqualTo(3);
    assertThat(s.acquisitions).isEqualTo(3);
    assertThat(s.reentrantEntries).isZero();
    assertThat(s.ownerNow()).isNull();
  }

  @Test
  void aCallInsideASynchronizedBlockIsOneReentry() {
    Table table = new Table();
    MonitorState s = tracked(table, "test#nested");
    Probe.beforeEnter(table);
    synchronized (table) {
      Probe.afterEnter(table);
      callBump(table);
      table.bump(); // a call the rewrite does not cover: seen by the entry advice only
      Probe.beforeExit(table);
    }
    assertThat(s.acquisitions).isEqualTo(1);
    assertThat(s.reentrantEntries).isEqualTo(2);
    assertThat(s.ownerNow()).isNull();
  }

  @Test
  void anExceptionFromTheMethodReleasesOnce() {
    Table table = new Table();
    MonitorState s = tracked(table, "test#throws");
    table.count = -2; // the first bump leaves -1 and throws, the second leaves 0
    assertThatThrownBy(() -> callBump(table)).isInstanceOf(IllegalStateException.class);
    callBump(table);
    assertThat(s.acquisitions).isEqualTo(2);
    assertThat(s.reentrantEntries).isZero();
    assertThat(s.ownerNow()).isNull();
  }

  @Test
  void onlySynchronizedMethodsOfTrackedClassesLockTheReceiver() {
    Table table = new Table();
    MonitorState s = tracked(table, "test#which");
    assertThat(CallSiteMonitor.stateFor(table, BUMP)).isSameAs(s);
    assertThat(CallSiteMonitor.stateFor(table, PEEK)).isNull();
    assertThat(CallSiteMonitor.stateFor(new UnsynchronizedTable(), BUMP)).isNull();
    assertThat(CallSiteMonitor.stateFor(new Object(), BUMP)).isNull();
    assertThat(CallSiteMonitor.stateFor(null, BUMP)).isNull();
  }
}

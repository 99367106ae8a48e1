package dev.gilscope.agent.probe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A {@code monitor=<class>} instance whose request leaves the enter and the exit work to do, at a
 * site with a token, driven in-process the way rewritten bytecode calls the probe. Object headers
 * are not readable here (nothing exported {@code jdk.internal.misc}), so every request takes that
 * way: the token carries the class and the thread's record, the counts are those of a site without
 * a token, and nothing is counted while the registry is quiet.
 */
class PendingTokenTest {
  /** The monitor class. */
  static final class Session {}

  @BeforeAll
  static void configure() {
    Registry.configure(new String[] {Session.class.getName()}, new Registry.FieldSpec[0]);
  }

  @AfterEach
  void active() {
    Registry.activate();
  }

  private static InstanceThread record(Object session) {
    return Registry.monitor(session).instances.thread();
  }

  @Test
  void anEntryAndAReentryAreCountedOnceEachAndLeaveNothingHeld() {
    Session s = new Session();
    InstanceThread t = record(s);
    long acquisitions = t.acquisitions;
    long reentries = t.reentrantEntries;

    Object outer = Probe.requestToken(s);
    assertThat(outer).isSameAs(t.pendingToken);
    synchronized (s) {
      Probe.afterEnter(s, outer);
      Object inner = Probe.requestToken(s);
      synchronized (s) {
        Probe.afterEnter(s, inner);
        assertThat(t.find(s)).isNotNegative();
        Probe.exited(Probe.exiting(s, inner));
      }
      assertThat(t.find(s)).isNotNegative(); // still held by the outer block
      Probe.exited(Probe.exiting(s, outer));
    }

    assertThat(t.acquisitions).isEqualTo(acquisitions + 1);
    assertThat(t.reentrantEntries).isEqualTo(reentries + 1);
    assertThat(t.find(s)).isNegative();
  }

  @Test
  void anEnterAndExitAfterTheRegistryWentQuietCountNothing() {
    Session s = new Session();
    InstanceThread t = record(s);
    long acquisitions = t.acquisitions;

    Object token = Probe.requestToken(s);
    Registry.deactivate();
    synchronized (s) {
      Probe.afterEnter(s, token);
      Probe.exited(Probe.exiting(s, token));
    }
    Registry.activate();

    assertThat(t.acquisitions).isEqualTo(acquisitions);
    assertThat(t.find(s)).isNegative();
    Object next = Probe.requestToken(s);
    synchronized (s) {
      Probe.afterEnter(s, next);
      Probe.exited(Probe.exiting(s, next));
    }
    assertThat(t.acquisitions).isEqualTo(acquisitions + 1);
  }
}

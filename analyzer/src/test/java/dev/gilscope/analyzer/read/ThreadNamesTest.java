package dev.gilscope.analyzer.read;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Unnamed threads (virtual threads, by default) are told apart by their ids. */
class ThreadNamesTest {
  @Test
  void aNamedThreadKeepsItsName() {
    assertThat(ThreadNames.of("worker-1", "os", 7L, false)).isEqualTo("worker-1");
  }

  @Test
  void anUnnamedThreadIsNamedByItsIdAsThreadToStringDoes() {
    assertThat(ThreadNames.of("", "", 4242L, true)).isEqualTo("VirtualThread[#4242]");
    assertThat(ThreadNames.of("", null, 17L, false)).isEqualTo("Thread[#17]");
  }

  @Test
  void theOsNameComesBeforeTheId() {
    assertThat(ThreadNames.of(null, "GC Thread#0", 3L, false)).isEqualTo("GC Thread#0");
  }

  @Test
  void withoutAnIdTheEmptyNameStays() {
    assertThat(ThreadNames.of("", null, 0, false)).isEmpty();
  }
}

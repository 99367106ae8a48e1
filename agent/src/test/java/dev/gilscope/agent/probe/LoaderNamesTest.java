package dev.gilscope.agent.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

class LoaderNamesTest {
  @Test
  void theJdksAndTheApplicationsLoadersKeepPlainNames() {
    assertThat(LoaderNames.qualify("a.B#f", null)).isEqualTo("a.B#f");
    assertThat(LoaderNames.qualify("a.B#f", ClassLoader.getPlatformClassLoader()))
        .isEqualTo("a.B#f");
    assertThat(LoaderNames.qualify("a.B#f", ClassLoader.getSystemClassLoader())).isEqualTo("a.B#f");
  }

  @Test
  void anotherLoaderIsNamedByItsNameElseItsClassAndIdentityHash() throws Exception {
    try (URLClassLoader named = new URLClassLoader("plugin-a", new URL[0], null);
        URLClassLoader unnamed = new URLClassLoader(new URL[0], null)) {
      assertThat(LoaderNames.qualify("a.B#f", named)).isEqualTo("plugin-a/a.B#f");
      assertThat(LoaderNames.qualify("a.B#f", unnamed))
          .isEqualTo(
              "java.net.URLClassLoader@"
                  + Integer.toHexString(System.identityHashCode(unnamed))
                  + "/a.B#f");
    }
  }
}

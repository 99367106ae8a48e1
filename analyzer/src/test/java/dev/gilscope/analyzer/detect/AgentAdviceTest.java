package dev.gilscope.analyzer.detect;

import static dev.gilscope.analyzer.testing.Models.SECOND;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gilscope.analyzer.model.EventSource;
import dev.gilscope.analyzer.model.Metric;
import dev.gilscope.analyzer.model.MonitorStats;
import dev.gilscope.analyzer.testing.Models;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentAdviceTest {
  private static MonitorStats jdk(String className, EventSource source, String... threads) {
    MonitorStats m = new MonitorStats("k", className + "@1", className, "monitor", source);
    for (String t : threads) {
      Models.thread(m, t, 0, Metric.WAIT_NANOS, 500_000_000);
      Models.monitor(m, 0, Metric.WAIT_NANOS, 500_000_000);
    }
    return m;
  }

  @Test
  void namesTheMostBlockedMonitorOfTwoOrMoreThreadsAndTheAgentLine() {
    MonitorStats gil = jdk("com.acme.Interp", EventSource.JDK_MONITOR, "a", "b");
    MonitorStats one = jdk("com.acme.Log", EventSource.JDK_MONITOR, "c");
    assertThat(AgentAdvice.forRecording(List.of(one, gil), Models.recording(10 * SECOND, 2)))
        .hasValue(
            "looks like a GIL: com.acme.Interp@1: 2 threads blocked on it for 1.00 s in all (10%"
                + " of the 10.0 s recording), seen only through"
                + " jdk.JavaMonitorEnter/jdk.JavaMonitorWait, which has no holds, no uncontended"
                + " acquisitions and no handoffs; measure it with gilscope: java"
                + " -javaagent:gilscope-agent.jar=monitor=com.acme.Interp,file=gil.jfr -jar"
                + " your-app.jar");
  }

  @Test
  void oneBlockedThreadIsNoGil() {
    assertThat(
            AgentAdvice.forRecording(
                List.of(jdk("com.acme.Log", EventSource.JDK_MONITOR, "c")),
                Models.recording(10 * SECOND, 2)))
        .isEmpty();
  }

  @Test
  void aLockIsKnownByItsFieldWhichTheParkEventsDoNotName() {
    MonitorStats lock =
        jdk("java.util.concurrent.locks.ReentrantLock$NonfairSync", EventSource.JDK_PARK, "a", "b");
    assertThat(AgentAdvice.agentLine(lock))
        .isEqualTo(
            "java -javaagent:gilscope-agent.jar=lock=<class>#<field>,file=gil.jfr -jar"
                + " your-app.jar (the java.util.concurrent.locks.ReentrantLock in that field; the"
                + " JDK's park events do not name it)");
  }

  @Test
  void noAdviceWhenGilscopeMeasuredTheRecording() {
    MonitorStats gil = jdk("com.acme.Interp", EventSource.JDK_MONITOR, "a", "b");
    assertThat(
            AgentAdvice.forRecording(
                List.of(Models.gilscopeMonitor("X"), gil), Models.recording(10 * SECOND, 2)))
        .isEmpty();
  }
}

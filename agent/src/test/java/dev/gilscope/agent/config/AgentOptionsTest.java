package dev.gilscope.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AgentOptionsTest {
  @Test
  void parsesEveryOption() throws OptionException {
    AgentOptions o =
        AgentOptions.parse(
            "monitor=com.acme.Interp#GIL, monitor=java.util.Hashtable,lock=com.acme.Store#lock,"
                + "file=/tmp/x.jfr,detail=threshold,threshold=250us,sample=64,stacks=true,"
                + "period=500ms,instances=7,strict=true,debug=true");
    assertThat(o.targets())
        .extracting(Target::toString)
        .containsExactly(
            "monitor=com.acme.Interp#GIL",
            "monitor=java.util.Hashtable",
            "lock=com.acme.Store#lock");
    assertThat(o.targets().get(0).internalName()).isEqualTo("com/acme/Interp");
    assertThat(o.targets().get(1).isField()).isFalse();
    assertThat(o.targets().get(2).isLock()).isTrue();
    assertThat(o.file()).isEqualTo("/tmp/x.jfr");
    assertThat(o.detailName()).isEqualTo("threshold");
    assertThat(o.thresholdNanos()).isEqualTo(250_000L);
    assertThat(o.sample()).isEqualTo(64);
    assertThat(o.stacks()).isTrue();
    assertThat(o.periodNanos()).isEqualTo(500_000_000L);
    assertThat(o.instances()).isEqualTo(7);
    assertThat(o.strict()).isTrue();
    assertThat(o.debug()).isTrue();
  }

  @Test
  void detailLevelsMatchTheProbesConstants() throws OptionException {
    String[] names = {"contended", "all", "threshold", "sampled", "holds"};
    int[] levels = {
      dev.gilscope.agent.probe.Detail.CONTENDED,
      dev.gilscope.agent.probe.Detail.ALL,
      dev.gilscope.agent.probe.Detail.THRESHOLD,
      dev.gilscope.agent.probe.Detail.SAMPLED,
      dev.gilscope.agent.probe.Detail.HOLDS
    };
    for (int i = 0; i < names.length; i++) {
      AgentOptions o = AgentOptions.parse("monitor=a.B#c,detail=" + names[i].toUpperCase());
      assertThat(o.detail()).as(names[i]).isEqualTo(levels[i]);
      assertThat(o.detailName()).isEqualTo(names[i]);
    }
  }

  @Test
  void hasCheapDefaults() throws OptionException {
    AgentOptions o = AgentOptions.parse("monitor=com.acme.Interp#GIL");
    assertThat(o.detailName()).isEqualTo("contended");
    assertThat(o.sample()).isEqualTo(1000);
    assertThat(o.stacks()).isFalse();
    assertThat(o.periodNanos()).isEqualTo(1_000_000_000L);
    assertThat(o.file()).isNull();
    assertThat(o.strict()).isFalse();
  }

  @Test
  void suggestsTheNearestKeyForATypo() {
    assertThatThrownBy(() -> AgentOptions.parse("monitr=com.acme.Interp#GIL"))
        .hasMessage("unknown option monitr=com.acme.Interp#GIL, did you mean monitor=?");
    assertThatThrownBy(() -> AgentOptions.parse("monitor=a.B#c,detial=all"))
        .hasMessage("unknown option detial=all, did you mean detail=?");
    assertThatThrownBy(() -> AgentOptions.parse("monitor=a.B#c,colour=blue"))
        .hasMessage("unknown option colour=blue");
  }

  @Test
  void rejectsBadValuesWithOneLine() {
    assertThatThrownBy(() -> AgentOptions.parse("monitor=a.B#c,detail=everything"))
        .hasMessage("detail=everything: use contended (default), all, holds, threshold or sampled");
    assertThatThrownBy(() -> AgentOptions.parse("monitor=a.B#c,threshold=10parsecs"))
        .hasMessage("threshold=10parsecs: unknown unit 'parsecs', use ns, us, ms, s or m");
    assertThatThrownBy(() -> AgentOptions.parse("monitor=a.B#c,sample=0"))
        .hasMessage("sample=0: use a whole number >= 1, e.g. 1000");
    assertThatThrownBy(() -> AgentOptions.parse("monitor=a.B,instances=-1"))
        .hasMessage("instances=-1: use a whole number >= 0, e.g. 100");
    assertThatThrownBy(() -> AgentOptions.parse("monitor=a.B,instances=many"))
        .hasMessage("instances=many: use a whole number >= 0, e.g. 100");
    assertThatThrownBy(() -> AgentOptions.parse("monitor=a.B#c,stacks=yes"))
        .hasMessage("stacks=yes: use true or false");
    assertThatThrownBy(() -> AgentOptions.parse("monitor=a.B#c,period=0ms"))
        .hasMessage("period=0ms: use at least 1ms");
    assertThatThrownBy(() -> AgentOptions.parse("monitor=not a class#x"))
        .hasMessage("monitor=not a class#x: 'not a class' is not a fully qualified class name");
    assertThatThrownBy(() -> AgentOptions.parse("lock=com.acme.Store"))
        .hasMessage(
            "lock=com.acme.Store: name the field that holds the lock, e.g. lock=com.acme.Store#lock");
    assertThatThrownBy(() -> AgentOptions.parse("monitor=java.lang.Object"))
        .hasMessageStartingWith("monitor=java.lang.Object would track every object");
    assertThatThrownBy(() -> AgentOptions.parse("detail=all"))
        .hasMessageStartingWith("nothing to track");
    assertThatThrownBy(() -> AgentOptions.parse(""))
        .hasMessageStartingWith("no options: name a monitor");
    assertThatThrownBy(() -> AgentOptions.parse("monitor"))
        .hasMessage("option 'monitor' is not key=value, did you mean monitor=?");
  }

  @Test
  void parsesDurations() throws OptionException {
    assertThat(AgentOptions.parseDurationNanos("t", "250ns")).isEqualTo(250L);
    assertThat(AgentOptions.parseDurationNanos("t", "10 ms")).isEqualTo(10_000_000L);
    assertThat(AgentOptions.parseDurationNanos("t", "2m")).isEqualTo(120_000_000_000L);
    assertThatThrownBy(() -> AgentOptions.parseDurationNanos("t", "ms"))
        .hasMessage("t=ms: not a duration, use e.g. 100us, 10ms or 1s");
  }

  @Test
  void findsStrictEvenWhenOtherOptionsAreBad() {
    assertThat(AgentOptions.isStrict("monitr=x,strict=true")).isTrue();
    assertThat(AgentOptions.isStrict("monitor=a.B#c")).isFalse();
    assertThat(AgentOptions.isStrict(null)).isFalse();
  }
}

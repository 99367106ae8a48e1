package dev.gilscope.agent.event;

import dev.gilscope.contract.GilscopeEvents;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Period;
import jdk.jfr.StackTrace;

/**
 * The agent's own health, at the beginning and end of every chunk. Its periodic hook also flushes
 * the statistics deltas, so the last period of a recording is never lost.
 */
@Name(GilscopeEvents.AGENT_STATUS)
@Label("gilscope Agent Status")
@Description("Configuration and health of the gilscope agent")
@Category(GilscopeEvents.CATEGORY)
@StackTrace(false)
@Period("everyChunk")
public final class AgentStatus extends jdk.jfr.Event {
  @Label("Detail")
  @Description("Detail level: contended, all, holds, threshold or sampled")
  public String detail;

  @Label("Tracked Monitors")
  @Description("Monitor and lock instances the agent has registered so far")
  public int trackedMonitors;

  @Label("Instrumented Classes")
  @Description("Classes transformed by the agent")
  public int instrumentedClasses;

  @Label("Skipped Classes")
  @Description("Classes that failed to transform and run uninstrumented")
  public int skippedClasses;

  @Label("Suppressed Errors")
  @Description("Exceptions swallowed by the probe (must be 0)")
  public long suppressedErrors;

  @Label("Agent Version")
  @Description("gilscope agent version")
  public String agentVersion;

  @Label("Options")
  @Description("The -javaagent options string")
  public String options;

  @Label("Targets")
  @Description(
      "Each monitor=/lock= target and whether its class has been loaded yet, by any class loader,"
          + " e.g. 'monitor=a.B#f: seen, monitor=c.D: not seen'")
  public String targets;

  @Label("Hold Clock")
  @Description(
      "What timed the holds: 'event' (the duration JFR measured for each hold's event) or"
          + " 'nanoTime' (the agent's own System.nanoTime reads, where JFR's ticks are not"
          + " nanoseconds)")
  public String holdClock;
}

#!/usr/bin/env bash
# What a watch costs its target, before / during / after, interleaved.
#
# Each round runs WatchIT's LiveGilApp (2 threads re-taking one monitor) in separate JVMs, one
# after the other, so that a drifting machine load hits every way alike:
#   none          no agent, PHASE seconds
#   javaagent     -javaagent with no recording (its probes always count)
#   attached      no agent for PHASE s (before), a `gilscope watch --duration 5s` with this
#                 checkout's agent (during: attach + 5 s), PHASE s after the watch ended (after)
#   attached old  the same with OLD_AGENT=<jar> (an agent built from an earlier commit), if set
# For every phase: the median of the app's per-second steps/s lines, its CPU time (utime+stime of
# /proc/<pid>/stat) and that CPU time per million steps, which a loaded machine disturbs less.
#
# usage: [OLD_AGENT=jar] benchmarks/watch-cost.sh [rounds=3] [phase-seconds=8]
#        (the agent and analyzer jars and the analyzer's test classes built)
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-3}
PHASE=${2:-8}
JAVA=${JAVA:-java}
CP=analyzer/target/test-classes
APP=dev.gilscope.analyzer.it.live.LiveGilApp
AGENT=agent/target/gilscope-agent.jar
ANALYZER=analyzer/target/gilscope-analyzer.jar
TICK=$(getconf CLK_TCK)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
lines() { grep -c '^steps/s' "$1" || true; }

# report NAME PID OUT FROM_LINE FROM_TICKS: the phase since FROM_LINE / FROM_TICKS
report() {
  local name=$1 pid=$2 out=$3 from=$4 ticks=$5 now
  now=$(cpu_ticks "$pid")
  grep '^steps/s' "$out" | tail -n +"$((from + 1))" | awk '{print $2}' | sort -n |
    awk -v name="$name" -v t=$((now - ticks)) -v hz="$TICK" '
      { v[NR] = $1; sum += $1 }
      END {
        med = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
        printf "%-20s %3d s  median %11.0f steps/s  cpu %6.2f s  %7.1f ms cpu per M steps\n",
               name, NR, med, t / hz, sum ? t / hz * 1000 / (sum / 1e6) : 0 }'
}

start_app() { # start_app OUT [jvm options...]: sets PID; its stdin is a fifo held open on fd 9
  local out=$1 fifo=$WORK/in.$RANDOM
  shift
  mkfifo "$fifo"
  "$JAVA" "$@" -cp "$CP" "$APP" 2 < "$fifo" > "$out" 2> "$out.err" &
  PID=$!
  exec 9> "$fifo"
  until [ "$(lines "$out")" -ge 2 ]; do sleep 0.2; done
}

stop_app() { echo quit >&9; exec 9>&-; wait "$1" || true; }

plain() { # plain LABEL [jvm options...]: PHASE seconds of one JVM
  local label=$1 out=$WORK/plain.out pid l t
  shift
  start_app "$out" "$@"; pid=$PID
  l=$(lines "$out"); t=$(cpu_ticks "$pid"); sleep "$PHASE"
  report "$label" "$pid" "$out" "$l" "$t"
  stop_app "$pid"
}

attached() { # attached LABEL AGENT_JAR: before, during and after a watch that loads AGENT_JAR
  local label=$1 agent=$2 out=$WORK/attached.out pid l t
  start_app "$out"; pid=$PID
  l=$(lines "$out"); t=$(cpu_ticks "$pid"); sleep "$PHASE"
  report "$label: before" "$pid" "$out" "$l" "$t"
  l=$(lines "$out"); t=$(cpu_ticks "$pid")
  "$JAVA" -jar "$ANALYZER" watch "$pid" --monitor "$APP#GIL" --duration 5s --agent "$agent" \
    > "$WORK/watch.out"
  report "$label: during" "$pid" "$out" "$l" "$t"
  l=$(lines "$out"); t=$(cpu_ticks "$pid"); sleep "$PHASE"
  report "$label: after" "$pid" "$out" "$l" "$t"
  stop_app "$pid"
}

for round in $(seq "$ROUNDS"); do
  echo "== round $round"
  plain "none"
  plain "javaagent" "-javaagent:$AGENT=monitor=$APP#GIL"
  attached "attached" "$AGENT"
  if [ -n "${OLD_AGENT:-}" ]; then attached "attached old" "$OLD_AGENT"; fi
done

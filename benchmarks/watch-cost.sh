#!/usr/bin/env bash
# What a watch costs its target, before / during / after, interleaved.
#
# Each round runs WatchIT's LiveGilApp (2 threads re-taking one monitor, ~60 ns holds) three ways,
# one after the other, so that a drifting machine load hits all three alike:
#   none      no agent, PHASE seconds
#   javaagent -javaagent with no recording: the probes count (what an attached agent cost after
#             its watch before the probes went quiet)
#   attached  no agent for PHASE s (before), a `gilscope watch --duration 5s` (during), PHASE s
#             after the watch ended (after: the probes quiet)
# For every phase it prints the median of the app's steps/s lines and its CPU time (utime+stime of
# /proc/<pid>/stat) per million steps, which a loaded machine disturbs less than steps/s.
#
# usage: benchmarks/watch-cost.sh [rounds=3] [phase-seconds=8]   (jars and test classes built)
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

# phase NAME PID OUT FROM_LINE FROM_TICKS: median steps/s of the lines after FROM_LINE, CPU/Msteps
report() {
  local name=$1 pid=$2 out=$3 from=$4 ticks=$5
  local now
  now=$(cpu_ticks "$pid")
  grep '^steps/s' "$out" | tail -n +"$((from + 1))" | awk -v name="$name" -v t=$((now - ticks)) -v hz="$TICK" '
    { v[NR] = $2; sum += $2 }
    END {
      n = asort(v); med = n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
      printf "%-22s %3d s  median %12.0f steps/s  cpu %6.2f s  %8.1f ms cpu per M steps\n",
             name, n, med, t / hz, sum ? t / hz * 1000 / (sum / 1e6) : 0 }'
}

start_app() { # start_app OUT [jvm options...]: echoes the pid; stdin is a fifo kept open
  local out=$1; shift
  local fifo=$WORK/in.$RANDOM
  mkfifo "$fifo"
  "$JAVA" "$@" -cp "$CP" "$APP" 2 < "$fifo" > "$out" 2> "$out.err" &
  local pid=$!
  exec 9> "$fifo"
  until [ "$(lines "$out")" -ge 2 ]; do sleep 0.2; done
  echo "$pid"
}

stop_app() { echo quit >&9; exec 9>&-; wait "$1" || true; }

for round in $(seq "$ROUNDS"); do
  echo "== round $round"
  out=$WORK/none.out
  pid=$(start_app "$out")
  l=$(lines "$out"); t=$(cpu_ticks "$pid"); sleep "$PHASE"
  report "none" "$pid" "$out" "$l" "$t"
  stop_app "$pid"

  out=$WORK/javaagent.out
  pid=$(start_app "$out" "-javaagent:$AGENT=monitor=$APP#GIL")
  l=$(lines "$out"); t=$(cpu_ticks "$pid"); sleep "$PHASE"
  report "javaagent" "$pid" "$out" "$l" "$t"
  stop_app "$pid"

  out=$WORK/attached.out
  pid=$(start_app "$out")
  l=$(lines "$out"); t=$(cpu_ticks "$pid"); sleep "$PHASE"
  report "attached: before" "$pid" "$out" "$l" "$t"
  l=$(lines "$out"); t=$(cpu_ticks "$pid")
  "$JAVA" -jar "$ANALYZER" watch "$pid" --monitor "$APP#GIL" --duration 5s > "$WORK/watch.out"
  report "attached: during" "$pid" "$out" "$l" "$t"
  l=$(lines "$out"); t=$(cpu_ticks "$pid"); sleep "$PHASE"
  report "attached: after" "$pid" "$out" "$l" "$t"
  stop_app "$pid"
done

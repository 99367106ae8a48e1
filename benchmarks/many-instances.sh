#!/usr/bin/env bash
# monitor=<class> on a class with millions of instances (issue 17), side by side: the workload
# (benchmarks' ManyInstancesWorkload) without the agent and with one or more agent jars, alternating
# run by run; then the analyzer on each agent's last recording. Prints one line per run and the
# medians: whole-process wall time, CPU time (user+sys), peak RSS, the workload's own time and its
# threads' CPU time (which other processes' load inflates least), the recording's size; analysis
# wall time and peak RSS in -Xmx256m.
#
# usage: benchmarks/many-instances.sh ROUNDS "WORKLOAD ARGS" agent.jar [agent2.jar ...]
#   e.g. benchmarks/many-instances.sh 3 "--instances 2000000" agent/target/gilscope-agent.jar
#        benchmarks/many-instances.sh 3 "--instances 500000 --shared-every 1" agent/target/gilscope-agent.jar
# Needs benchmarks/target/gilscope-benchmarks.jar and analyzer/target/gilscope-analyzer.jar, and
# /usr/bin/time. Results: benchmarks/target/instances/runs.txt
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=$1
args=$2
shift 2
agents=("$@")
main=dev.gilscope.bench.workload.ManyInstancesWorkload
cp=benchmarks/target/gilscope-benchmarks.jar
options="monitor=dev.gilscope.bench.workload.ManyInstancesWorkload\$Session"
out=benchmarks/target/instances
mkdir -p "$out"
: > "$out/runs.txt"

run() { # label, java args...
  local label=$1
  shift
  local line
  line=$( { /usr/bin/time -f "time %e %U %S %M" java "$@" -cp "$cp" $main $args; } 2>&1 | tr '\n' ' ')
  local nanos cpunanos wall user sys rss
  nanos=$(sed -E 's/.* nanos=([0-9]+).*/\1/' <<<"$line")
  cpunanos=$(sed -E 's/.*cpuNanos=([0-9]+).*/\1/' <<<"$line")
  read -r wall user sys rss < <(sed -E 's/.*time ([0-9.]+) ([0-9.]+) ([0-9.]+) ([0-9]+).*/\1 \2 \3 \4/' <<<"$line")
  printf '%-28s wall %6.2f s  cpu %6.2f s  rss %6d MB  workload %8.3f s  threads-cpu %8.3f s\n' \
    "$label" "$wall" "$(echo "$user + $sys" | bc)" $((rss / 1024)) \
    "$(echo "scale=3; $nanos / 1000000000" | bc)" "$(echo "scale=3; $cpunanos / 1000000000" | bc)" \
    | tee -a "$out/runs.txt"
}

for i in "${!agents[@]}"; do echo "agent$i = ${agents[$i]}"; done
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for ((r = 1; r <= rounds; r++)); do
  run "none" -Xshare:auto
  for i in "${!agents[@]}"; do
    run "agent$i" "-javaagent:${agents[$i]}=$options,file=$out/agent$i.jfr"
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "medians over $rounds rounds ($args):"
for label in none $(for i in "${!agents[@]}"; do echo "agent$i"; done); do
  median() { grep "^$label" "$out/runs.txt" | awk -v c="$1" '{print $c}' | sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
  printf '  %-8s wall %s s  cpu %s s  rss %s MB  workload %s s  threads-cpu %s s\n' "$label" \
    "$(median 3)" "$(median 6)" "$(median 9)" "$(median 12)" "$(median 15)"
done
for i in "${!agents[@]}"; do
  f=$out/agent$i.jfr
  echo "  agent$i recording $(du -k "$f" | cut -f1) KB; analysis in -Xmx256m:"
  /usr/bin/time -f "    analysis wall %e s, cpu %U+%S s, peak RSS %M KB, exit %x" \
    java -Xmx256m -jar analyzer/target/gilscope-analyzer.jar analyze "$f" >"$out/analysis$i.txt" 2>"$out/analysis$i.err" || true
  tail -1 "$out/analysis$i.err"
done

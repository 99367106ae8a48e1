#!/usr/bin/env bash
# monitor=<class> on a class with millions of instances (issue 17), side by side: the workload
# (benchmarks' ManyInstancesWorkload) without the agent, under JFR alone and with one or more agent
# jars, every configuration once per round; then the analyzer on each configuration's last
# recording. Prints one line per run and the medians: whole-process wall time, CPU time (user+sys),
# peak RSS, the workload's own time and its threads' CPU time (which other processes' load inflates
# least), the recording's size; analysis wall time and peak RSS in -Xmx256m.
#
# Configurations (CONFIGS, default "none jfr agent agent+jfr"):
#   none          no agent, no recording
#   jfr           no agent, -XX:StartFlightRecording with JFR's default settings: the floor of any
#                 recording, what JFR's own start and dump cost
#   jfr-gilscope  no agent, -XX:StartFlightRecording with the agent's gilscope.jfc: JFR's floor for
#                 the settings the agent's recording uses
#   jfr-none      no agent, -XX:StartFlightRecording:settings=none (no event enabled)
#   agent         -javaagent:...,file=  (the agent starts its own recording: gilscope.jfc)
#   agent+jfr     the agent without file=, its events going to -XX:StartFlightRecording with the
#                 agent jar's gilscope.jfc (a recording the user starts)
# "agent" and "agent+jfr" run once per agent jar given (agent0, agent1, ...).
#
# usage: benchmarks/many-instances.sh ROUNDS "WORKLOAD ARGS" agent.jar [agent2.jar ...]
#   e.g. benchmarks/many-instances.sh 3 "--instances 2000000" agent/target/gilscope-agent.jar
#        benchmarks/many-instances.sh 3 "--instances 500000 --shared-every 1" agent/target/gilscope-agent.jar
#        CONFIGS="jfr jfr-gilscope jfr-none" benchmarks/many-instances.sh 9 "--instances 2000000"
# Needs benchmarks/target/gilscope-benchmarks.jar and analyzer/target/gilscope-analyzer.jar, and
# /usr/bin/time and unzip. Results: benchmarks/target/instances/runs.txt
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=$1
args=$2
shift 2
agents=("$@")
configs=${CONFIGS:-none jfr agent agent+jfr}
main=dev.gilscope.bench.workload.ManyInstancesWorkload
cp=benchmarks/target/gilscope-benchmarks.jar
options="monitor=dev.gilscope.bench.workload.ManyInstancesWorkload\$Session"
out=benchmarks/target/instances
mkdir -p "$out"
: > "$out/runs.txt"

# label -> java options; label -> recording it leaves (empty: none)
labels=()
declare -A jvm recording
add() { labels+=("$1"); jvm[$1]=$2; recording[$1]=$3; }
for config in $configs; do
  case $config in
    none) add none "-Xshare:auto" "" ;;
    jfr) add jfr "-XX:StartFlightRecording=filename=$out/jfr.jfr" "$out/jfr.jfr" ;;
    jfr-none) add jfr-none "-XX:StartFlightRecording=settings=none,filename=$out/jfr-none.jfr" "$out/jfr-none.jfr" ;;
    jfr-gilscope | agent | agent+jfr)
      for i in "${!agents[@]}"; do
        jfc=$out/agent$i.jfc
        unzip -p "${agents[$i]}" gilscope.jfc > "$jfc"
        case $config in
          jfr-gilscope) [[ $i == 0 ]] && add jfr-gilscope \
            "-XX:StartFlightRecording=settings=$jfc,filename=$out/jfr-gilscope.jfr" "$out/jfr-gilscope.jfr" ;;
          agent) add "agent$i" "-javaagent:${agents[$i]}=$options,file=$out/agent$i.jfr" "$out/agent$i.jfr" ;;
          agent+jfr) add "agent$i+jfr" \
            "-javaagent:${agents[$i]}=$options -XX:StartFlightRecording=settings=$jfc,filename=$out/agent$i+jfr.jfr" \
            "$out/agent$i+jfr.jfr" ;;
        esac
      done ;;
    *) echo "many-instances.sh: unknown configuration '$config'" >&2; exit 2 ;;
  esac
done

run() { # label
  local label=$1 line
  local file=${recording[$label]}
  [[ -n $file ]] && rm -f "$file"
  # shellcheck disable=SC2086 # the options are words
  line=$( { /usr/bin/time -f "time %e %U %S %M" java ${jvm[$label]} -cp "$cp" $main $args; } 2>&1 | tr '\n' ' ')
  local nanos cpunanos wall user sys rss kb=0
  nanos=$(sed -E 's/.* nanos=([0-9]+).*/\1/' <<<"$line")
  cpunanos=$(sed -E 's/.*cpuNanos=([0-9]+).*/\1/' <<<"$line")
  read -r wall user sys rss < <(sed -E 's/.*time ([0-9.]+) ([0-9.]+) ([0-9.]+) ([0-9]+).*/\1 \2 \3 \4/' <<<"$line")
  [[ -n $file && -f $file ]] && kb=$(( $(stat -c %s "$file") / 1024 ))
  printf '%-14s wall %6.2f s  cpu %6.2f s  rss %6d MB  workload %8.3f s  threads-cpu %8.3f s  recording %7d KB\n' \
    "$label" "$wall" "$(echo "$user + $sys" | bc)" $((rss / 1024)) \
    "$(echo "scale=3; $nanos / 1000000000" | bc)" "$(echo "scale=3; $cpunanos / 1000000000" | bc)" "$kb" \
    | tee -a "$out/runs.txt"
}

for i in "${!agents[@]}"; do echo "agent$i = ${agents[$i]}"; done
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for ((r = 1; r <= rounds; r++)); do
  for label in "${labels[@]}"; do run "$label"; done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
median() { # label, column
  awk -v l="$1" -v c="$2" '$1 == l {print $c}' "$out/runs.txt" | sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'
}
echo "medians over $rounds rounds ($args):"
for label in "${labels[@]}"; do
  printf '  %-14s wall %s s  cpu %s s  rss %s MB  workload %s s  threads-cpu %s s  recording %s KB\n' "$label" \
    "$(median "$label" 3)" "$(median "$label" 6)" "$(median "$label" 9)" "$(median "$label" 12)" \
    "$(median "$label" 15)" "$(median "$label" 18)"
done
# each agent against JFR's floor (jfr) and against the program alone (none), median against median
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b > 0) printf "%.2f", a / b; else printf "-"}'; }
for label in "${labels[@]}"; do
  [[ $label == agent* ]] || continue
  for floor in jfr none; do
    [[ -n ${jvm[$floor]+x} ]] || continue
    printf '  %-14s / %-4s wall %sx  cpu %sx  workload %sx  threads-cpu %sx\n' "$label" "$floor" \
      "$(ratio "$(median "$label" 3)" "$(median "$floor" 3)")" "$(ratio "$(median "$label" 6)" "$(median "$floor" 6)")" \
      "$(ratio "$(median "$label" 12)" "$(median "$floor" 12)")" "$(ratio "$(median "$label" 15)" "$(median "$floor" 15)")"
  done
done
for label in "${labels[@]}"; do
  [[ $label == agent* ]] || continue
  f=${recording[$label]}
  echo "  $label recording $(du -k "$f" | cut -f1) KB; analysis in -Xmx256m:"
  /usr/bin/time -f "    analysis wall %e s, cpu %U+%S s, peak RSS %M KB, exit %x" \
    java -Xmx256m -jar analyzer/target/gilscope-analyzer.jar analyze "$f" >"$out/analysis-$label.txt" 2>"$out/analysis-$label.err" || true
  tail -1 "$out/analysis-$label.err"
done

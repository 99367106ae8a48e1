#!/usr/bin/env bash
# Compares agent builds side by side on the overhead workload: ROUNDS rounds, each running the
# workload once with no agent and once under each given agent jar (same options), in that order.
# For an A/B of two builds of the agent, which the overhead harness (one agent jar) cannot do.
#
# usage: benchmarks/compare-agents.sh ROUNDS WINDOWS_PER_THREAD "AGENT_OPTIONS" JAR [JAR...]
#   e.g. benchmarks/compare-agents.sh 7 2500000 detail=all /tmp/agent-a.jar /tmp/agent-b.jar
#   AGENT_OPTIONS are added to monitor=...#GIL,file=... (may be empty: "")
#   JAVA=java  the JDK for the child JVMs
# Prints one line per run (round, variant, workload ms, second-half ms, JIT ms), then per variant
# the median workload time and the median of its per-round ratios to the no-agent run.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ $# -lt 4 ]]; then
  sed -n '2,11p' "$0" >&2
  exit 2
fi
rounds=$1 windows=$2 options=$3
shift 3
jar=benchmarks/target/gilscope-benchmarks.jar
[[ -f $jar ]] || { echo "compare-agents.sh: no $jar; build with ./mvnw -B -q -pl benchmarks -am package -Dmaven.test.skip=true" >&2; exit 2; }
java_cmd=${JAVA:-java}
out=$(mktemp -d)
monitor=monitor=dev.gilscope.bench.workload.GilInterpreterWorkload#GIL
field() { grep -o "$1=[0-9-]*" <<<"$2" | cut -d= -f2; }
results=()
for round in $(seq 1 "$rounds"); do
  variants=(none "$@")
  for i in "${!variants[@]}"; do
    variant=${variants[$i]}
    agent=()
    [[ $variant == none ]] || agent=("-javaagent:$variant=$monitor${options:+,$options},file=$out/$i.jfr")
    line=$("$java_cmd" "${agent[@]}" -cp "$jar" dev.gilscope.bench.workload.GilInterpreterWorkload \
      --windows "$windows" | grep '^gilscope-workload')
    ms=$(( $(field workloadNanos "$line") / 1000000 ))
    printf '%d %s %d %d %s\n' "$round" "$i:$variant" "$ms" $(( $(field secondHalfNanos "$line") / 1000000 )) \
      "$(field jitMillis "$line")"
    results+=("$round $i $ms")
  done
done
rm -rf "$out"
median() { sort -g | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }
variants=(none "$@")
for i in "${!variants[@]}"; do
  med=$(printf '%s\n' "${results[@]}" | awk -v i="$i" '$2==i {print $3}' | median)
  paired=$(printf '%s\n' "${results[@]}" | awk -v i="$i" '$2==0 {base[$1]=$3} $2==i {t[$1]=$3} END {for (r in t) print t[r]/base[r]}' | median)
  printf 'variant %d %-40s median %8.1f ms  paired ratio %.3f\n' "$i" "${variants[$i]}" "$med" "$paired"
done

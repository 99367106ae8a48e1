#!/usr/bin/env bash
# Reproduces gilscope's performance figures (docs/performance.md):
#   1. JMH: per-acquisition cost of a tracked / untracked monitor, no agent vs agent default vs
#      agent detail=all, side by side (AcquireReleaseComparison);
#   2. whole-app overhead: the interpreter-style GIL workload in child JVMs under no agent,
#      gilscope (default, detail=all, untracked monitor), JFR jdk.JavaMonitorEnter at 0 ms and
#      async-profiler's lock mode, alternating run by run (OverheadHarness).
#
#   3. (startup) start-up cost: a one-class program from launch to exit, plain vs agent (one
#      tracked monitor) vs agent + file= vs plain -XX:StartFlightRecording, interleaved rounds,
#      medians of wall and CPU time (StartupBenchmark), on every JDK in $JAVAS.
#
#   4. (profile) a CPU profile of the workload under the agent with async-profiler, to see where
#      the agent's time goes: flat top frames and a flame graph.
#
#   5. (matrix) the analyzer's accuracy matrix: 40 labelled multi-threaded cases under the agent,
#      precision and recall per pattern and every miss with its evidence (MatrixRunner; needs the
#      agent and analyzer jars; SECONDS_PER_CASE=2, FILTER=<name part> for a subset).
#
#   6. (scale) the analyzer at production scale (issue 14): records 100,000 virtual threads on one
#      monitor and 10,000 instances of a monitor=<class> (ScaleWorkload, Temurin 25 under the agent),
#      then times `bin/gilscope analyze` (dist) in -Xmx256m against `jfr summary` on each file, cold JVMs,
#      interleaved, medians, with peak RSS (GNU time) and events/s (SCALE_RUNS=5).
#
# usage: benchmarks/run-benchmarks.sh [all|jmh|overhead|startup|profile|matrix|scale] [--no-build] [-- extra options]
#   "-- extra options" go to OverheadHarness (overhead) or, for profile, replace the agent options
#   (default: monitor=dev.gilscope.bench.workload.GilInterpreterWorkload#GIL), e.g. -- "monitor=...#GIL,detail=all"
#   RUNS=5            measured runs per overhead configuration
#   JAVA=java         the JDK that runs the harnesses and, by default, the child JVMs
#   STARTUP_RUNS=11   measured rounds of the start-up benchmark
#   JAVAS="a b"       the JDKs whose start-up is measured (default: $JAVA, plus Temurin 25 if installed)
#   JMH_OPTS="..."    extra AcquireReleaseComparison options, e.g. "--forks 2"
# Results: benchmarks/target/jmh/acquire-release.{json,csv,txt},
#          benchmarks/target/overhead/{summary.json,runs.csv,report.txt},
#          benchmarks/target/startup/report.txt,
#          benchmarks/target/profile/cpu-<options>.{txt,html}
set -euo pipefail

cd "$(dirname "$0")/.."
what=all
build=true
extra=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    all|jmh|overhead|startup|profile|matrix|scale) what=$1 ;;
    --no-build) build=false ;;
    --) shift; extra=("$@"); break ;;
    *) echo "run-benchmarks.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
  shift
done

java_cmd=${JAVA:-java}
jar=benchmarks/target/gilscope-benchmarks.jar

if $build; then
  # maven.test.skip: the jars only, no test compilation (faster, and immune to test-only breakage)
  ./mvnw -B -q -pl benchmarks -am package -Dmaven.test.skip=true
fi
[[ -f agent/target/gilscope-agent.jar ]] || echo "warning: no agent/target/gilscope-agent.jar; agent configurations are skipped" >&2

echo "machine: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg), $("$java_cmd" -version 2>&1 | head -1)"
echo "agent:   $(git log -1 --format='%h %s' -- agent/src 2>/dev/null || echo unknown)"

if [[ $what == all || $what == jmh ]]; then
  mkdir -p benchmarks/target/jmh
  # shellcheck disable=SC2086
  "$java_cmd" -cp "$jar" dev.gilscope.bench.jmh.AcquireReleaseComparison ${JMH_OPTS:-} \
    | tee benchmarks/target/jmh/acquire-release.txt
fi

if [[ $what == all || $what == overhead ]]; then
  mkdir -p benchmarks/target/overhead
  "$java_cmd" -cp "$jar" dev.gilscope.bench.overhead.OverheadHarness --runs "${RUNS:-5}" "${extra[@]}" \
    | tee benchmarks/target/overhead/report.txt
fi

if [[ $what == all || $what == startup ]]; then
  mkdir -p benchmarks/target/startup
  jdk25=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
  javas=${JAVAS:-$java_cmd$([[ -x $jdk25 ]] && echo " $jdk25")}
  java_options=()
  for j in $javas; do java_options+=(--java "$(command -v "$j")"); done
  "$java_cmd" -cp "$jar" dev.gilscope.bench.startup.StartupBenchmark --runs "${STARTUP_RUNS:-11}" \
    "${java_options[@]}" | tee benchmarks/target/startup/report.txt
fi

if [[ $what == matrix ]]; then
  "$java_cmd" -cp "$jar" dev.gilscope.bench.matrix.MatrixRunner agent/target/gilscope-agent.jar \
    analyzer/target/gilscope-analyzer.jar benchmarks/target/matrix "${SECONDS_PER_CASE:-2}" "${FILTER:-}" \
    | tee benchmarks/target/matrix-report.txt
fi

if [[ $what == profile ]]; then
  out=benchmarks/target/profile
  mkdir -p "$out"
  unzip -o -q -j "$jar" linux-x64/libasyncProfiler.so -d "$out"
  options=${extra[0]:-monitor=dev.gilscope.bench.workload.GilInterpreterWorkload#GIL}
  name=$(echo "$options" | tr -c 'A-Za-z0-9\n' '_' | cut -c1-80)
  agent=(-javaagent:agent/target/gilscope-agent.jar="$options,file=$out/agent-$name.jfr")
  workload=(-cp "$jar" dev.gilscope.bench.workload.GilInterpreterWorkload)
  for format in txt html; do
    profiler="-agentpath:$PWD/$out/libasyncProfiler.so=start,event=cpu,interval=1ms"
    [[ $format == txt ]] && profiler+=",flat=25,traces=8"
    "$java_cmd" "$profiler,file=$out/cpu-$name.$format" "${agent[@]}" "${workload[@]}"
  done
  sed -n '/ns  percent/,$p' "$out/cpu-$name.txt"
  echo "flame graph: $out/cpu-$name.html; all frames: $out/cpu-$name.txt"
fi

if [[ $what == scale ]]; then
  out=benchmarks/target/scale
  mkdir -p "$out"
  jdk25=${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
  agent=agent/target/gilscope-agent.jar
  [[ -f $out/threads-100k.jfr ]] || "$jdk25" \
    -javaagent:$agent=monitor=dev.gilscope.bench.scale.ScaleWorkload#GLOBAL,file=$out/threads-100k.jfr \
    -cp "$jar" dev.gilscope.bench.scale.ScaleWorkload threads 100000 5
  # instances=: the agent tracks at most 100 instances of a monitor=<class> one by one by default
  [[ -f $out/monitors-10k.jfr ]] || "$jdk25" \
    -javaagent:$agent=monitor=dev.gilscope.bench.scale.SessionEntry,instances=20000,file=$out/monitors-10k.jfr \
    -cp "$jar" dev.gilscope.bench.scale.ScaleWorkload monitors 10000 4
  # what users run: the dist launcher (class-data sharing archive, C1, the parallel collector)
  if [[ $build == true || -z $(ls -d dist/target/gilscope-*/bin/gilscope 2>/dev/null) ]]; then
    ./mvnw -B -q -pl dist -am package -DskipTests
  fi
  launcher=$(ls -d dist/target/gilscope-*/bin/gilscope | head -1)
  export JAVA_OPTS=-Xmx256m
  median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
  for f in "$out/threads-100k.jfr" "$out/monitors-10k.jfr" ${SCALE_FILES:-}; do
    "$launcher" analyze "$f" >/dev/null # the first run writes the class-data sharing archive
    : >"$out/jfr.times"; : >"$out/gilscope.times"; : >"$out/gilscope.rss"
    : >"$out/jfr.cpu"; : >"$out/gilscope.cpu"
    for ((i = 0; i < ${SCALE_RUNS:-5}; i++)); do
      /usr/bin/time -f "%e %M %U %S" -o "$out/t" "$launcher" analyze "$f" >/dev/null
      read -r s kb u k <"$out/t"; echo "$s" >>"$out/gilscope.times"; echo "$kb" >>"$out/gilscope.rss"
      echo "$u + $k" | bc >>"$out/gilscope.cpu"
      /usr/bin/time -f "%e %M %U %S" -o "$out/t" jfr summary "$f" >/dev/null
      read -r s kb u k <"$out/t"; echo "$s" >>"$out/jfr.times"; echo "$u + $k" | bc >>"$out/jfr.cpu"
    done
    events=$(jfr summary "$f" | awk '$1 ~ /^(gilscope|jdk)\./ {n += $2} END {print n}')
    g=$(median <"$out/gilscope.times"); j=$(median <"$out/jfr.times"); rss=$(median <"$out/gilscope.rss")
    gc=$(median <"$out/gilscope.cpu"); jc=$(median <"$out/jfr.cpu")
    printf '%s: %s events, %s MB; bin/gilscope analyze -Xmx256m %s s, CPU %s s (peak RSS %d MB, %.0f events/s), jfr summary %s s, CPU %s s, ratio %.2f (CPU %.2f); load %s\n' \
      "$(basename "$f")" "$events" "$(($(stat -c %s "$f") / 1048576))" "$g" "$gc" $((rss / 1024)) \
      "$(echo "$events / $g" | bc -l)" "$j" "$jc" "$(echo "$g / $j" | bc -l)" "$(echo "$gc / $jc" | bc -l)" \
      "$(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/report.txt"
  done
fi

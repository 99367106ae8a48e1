#!/usr/bin/env bash
# Re-records the analyzer's fixture recordings (analyzer/src/test/resources/fixtures/*.jfr), then
# rewrites their golden reports. Run from the repository root after
# `./mvnw -B -q -DskipTests install` (it needs the agent jar, its test classes and the demos jar):
#
#   analyzer/src/test/fixtures.sh
#
# A recording made by an older agent stays in place when the agent changes: it pins that newer
# analyzers still read it. Re-record only on purpose, and say why in the commit.
# agent-jdk17-new-gil-late-buffer.jfr is not made here: it is a CI run's recording of the new-gil
# demo as found, in which JFR wrote six of io-bound-1's wait() calls 0.6 s ahead of their time
# (WaitEpisodes sorts them back); no command reproduces that at will.
set -euo pipefail
out=analyzer/src/test/resources/fixtures
agent=agent/target/gilscope-agent.jar
jfc=agent/target/gilscope.jfc
itapps=agent/target/test-classes
demos=demo-apps/target/gilscope-demos.jar
jdk25=${GILSCOPE_JDK21PLUS:-/usr/lib/jvm/temurin-25-jdk-amd64}
profiler=$(mktemp -d)
unzip -q -o -j ~/.m2/repository/tools/profiler/async-profiler/4.2/async-profiler-4.2.jar \
  linux-x64/libasyncProfiler.so -d "$profiler"
mkdir -p "$out"

gil=monitor=dev.gilscope.itapps.GilLoop#GIL
oldgil=$(java -jar "$demos" agent-options old-gil)
jucgil=$(java -jar "$demos" agent-options juc-gil)
starvation=$(java -jar "$demos" agent-options starvation)

record() { # name java agent-options main-and-args...
  local name=$1 java=$2 options=$3
  shift 3
  rm -f "$out/$name.jfr"
  "$java" -javaagent:"$agent=$options,file=$out/$name.jfr" "$@" >/dev/null
  echo "$out/$name.jfr: $(stat -c %s "$out/$name.jfr") bytes"
}

for detail in contended holds all sampled threshold; do
  record "agent-jdk17-$detail" java "$gil,detail=$detail,threshold=10us,sample=100" \
    -cp "$itapps" dev.gilscope.itapps.Scenarios gil
done
record agent-jdk17-old-gil java "$oldgil" -jar "$demos" old-gil --quick
record agent-jdk17-starvation java "$starvation" -jar "$demos" starvation --quick
record agent-jdk25-juc-gil "$jdk25/bin/java" "$jucgil" -jar "$demos" juc-gil --quick
# 1 MB chunks: two chunks, with wait() ping-pongs in each (for ReaderIndependenceTest)
record agent-jdk17-chunks java "$gil,detail=all" -XX:FlightRecorderOptions:maxchunksize=1M \
  -cp "$itapps" dev.gilscope.itapps.Scenarios gil gil gil
record agent-jdk25-holds "$jdk25/bin/java" "$gil,detail=holds" \
  -cp "$itapps" dev.gilscope.itapps.Scenarios gil

rm -f "$out/jdk-only-old-gil.jfr" "$out/async-profiler-old-gil.jfr"
java -XX:StartFlightRecording:settings="$jfc",filename="$out/jdk-only-old-gil.jfr" \
  -jar "$demos" old-gil --quick >/dev/null 2>&1
java -agentpath:"$profiler/libasyncProfiler.so=start,event=lock,lock=0,jfr,file=$out/async-profiler-old-gil.jfr" \
  -jar "$demos" old-gil --quick >/dev/null
ls -l "$out"/*.jfr
rm -rf "$profiler"

./mvnw -B -q -pl analyzer test -Dtest=GoldenReportTest -Dgilscope.golden.update=true

#!/usr/bin/env bash
# Cold JVM runs of the quickstart: each run is a fresh `java` process timed by /usr/bin/time -v
# (hyperfine is not installed). Prints wall-clock, CPU (user + sys) and peak RSS per run, then the
# medians. CPU time is the steadier figure on a busy shared machine.
#
#   bench/cold-quickstart.sh [RUNS] [MAIN_CLASS]
#   bench/cold-quickstart.sh 5                                          # examples' Quickstart
#   bench/cold-quickstart.sh 5 io.github.vnetjail.bench.QuickstartFlow  # install/start/stop, bench jar
#
# Builds what it runs first (package, never install), from the repository root.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
main="${2:-io.github.vnetjail.examples.Quickstart}"

if [[ "$main" == io.github.vnetjail.bench.* ]]; then
  ./mvnw -B -ntp -q -pl bench -am package -DskipTests >/dev/null
  cp="bench/target/benchmarks.jar"
else
  ./mvnw -B -ntp -q -pl examples -am package -DskipTests dependency:build-classpath \
    -Dmdep.outputFile="$PWD/examples/target/classpath.txt" -Dmdep.includeScope=runtime >/dev/null
  cp="examples/target/classes:$(cat examples/target/classpath.txt)"
fi

tmp="$(mktemp)"
trap 'rm -f "$tmp"' EXIT
walls=(); cpus=(); rss=()
for i in $(seq "$runs"); do
  /usr/bin/time -v -o "$tmp" java -cp "$cp" "$main" >/dev/null
  wall="$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0;
    for (k = 1; k <= n; k++) s = s * 60 + t[k]; printf "%.0f", s * 1000}' "$tmp")"
  cpu="$(awk -F': ' '/User time/ {u = $2} /System time/ {s = $2} END {printf "%.0f", (u + s) * 1000}' "$tmp")"
  kb="$(awk -F': ' '/Maximum resident set size/ {print $2}' "$tmp")"
  printf 'run %d: %6d ms wall, %6d ms CPU (user+sys), %4d MB peak RSS\n' "$i" "$wall" "$cpu" $((kb / 1024))
  walls+=("$wall"); cpus+=("$cpu"); rss+=($((kb / 1024)))
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
printf 'median of %d cold runs of %s: %d ms wall, %d ms CPU, %d MB peak RSS\n' \
  "$runs" "$main" "$(median "${walls[@]}")" "$(median "${cpus[@]}")" "$(median "${rss[@]}")"

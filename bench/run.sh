#!/usr/bin/env bash
# ./hybrid bench — the standard comparison, in <= 10 minutes on 2 cores:
#   1. JMH P1-P3 (scan GB/s; FFI no-op, protobuf vs fast path vs in-JVM engine; gRPC loopback
#      to the Rust server vs a bare grpc-java server), then the P1-P3 summary;
#   2. the load generator against the Rust core over gRPC (hotpath-server on 127.0.0.1:0, started
#      and stopped here; for tiny also the in-process java and ffi cores): per scenario a step
#      ramp, then 50/70/90 % of the maximum; one merged JSON + HTML report.
# Output: bench-results/<timestamp>/ (jmh.json, jmh.log, jmh-summary.txt, load-*.json/html,
# report-*.json/html). Environment: BENCH_JMH_ARGS (extra JMH arguments, e.g. a benchmark regex
# or "-wi 1 -i 2"), BENCH_TARGETS (load targets of the search and rerank scenarios, default
# grpc-core; e.g. grpc-core,java-core,ffi-core), BENCH_SKIP_JMH=1, BENCH_SKIP_LOAD=1, BENCH_OUT.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=../scripts/select-jdk.sh
source scripts/select-jdk.sh

CORE_BINARY="$ROOT/hotpath-native/target/release/hotpath-server"
OUT="${BENCH_OUT:-bench-results/$(date -u +%Y%m%d-%H%M%S)}"
JAVA_FLAGS=(--enable-native-access=ALL-UNNAMED --add-modules=jdk.incubator.vector
  --sun-misc-unsafe-memory-access=allow)
started=$SECONDS

# Builds the bench jar (and what it needs: proto, the Rust core, the gateway) when it is missing
# or older than any of its sources.
ensure_built() {
  local stale=""
  if [ -f bench/target/bench.jar ] && [ -d bench/target/lib ]; then
    stale="$(find pom.xml bench/pom.xml bench/src/main -type f -newer bench/target/bench.jar \
      -print -quit 2>/dev/null)"
  fi
  if [ ! -f bench/target/bench.jar ] || [ ! -d bench/target/lib ] || [ -n "$stale" ] \
    || [ ! -x "$CORE_BINARY" ]; then
    echo "==> building bench and what it needs (first run: a few minutes)" >&2
    rm -rf bench/target/lib # copy-dependencies only adds; no stale jar may stay on the classpath
    ./mvnw -q -pl bench -am install -DskipTests >&2
  fi
}

run_jmh() {
  echo "==> JMH P1-P3 (about 5 minutes) -> $OUT/jmh.json" >&2
  # shellcheck disable=SC2086 # BENCH_JMH_ARGS is a list of arguments
  java "${JAVA_FLAGS[@]}" -cp "bench/target/bench.jar:bench/target/lib/*" org.openjdk.jmh.Main \
    -rf json -rff "$OUT/jmh.json" -o "$OUT/jmh.log" ${BENCH_JMH_ARGS:-}
  java "${JAVA_FLAGS[@]}" -jar bench/target/bench.jar jmh-summary \
    --in "$OUT/jmh.json" --out "$OUT/jmh-summary.txt"
}

# Starts hotpath-server on 127.0.0.1:0, waits for its listening line, runs one ramp per scenario
# (start rates fit each scenario's cost), merges the reports, stops the server.
run_load() {
  local fifo pid line address="" reports=()
  fifo="$(mktemp -u "${TMPDIR:-/tmp}/hybrid-bench.XXXXXX")"
  mkfifo "$fifo"
  "$CORE_BINARY" --listen 127.0.0.1:0 >"$fifo" 2>"$OUT/hotpath-server.log" &
  pid=$!
  exec 3<"$fifo"
  rm -f "$fifo"
  trap 'kill -TERM "$pid" 2>/dev/null || true' EXIT
  while IFS= read -r line <&3; do
    if [[ $line =~ ^hotpath-server\ listening\ on\ ([^ ]+) ]]; then
      address="${BASH_REMATCH[1]}"
      break
    fi
  done
  [ -n "$address" ] || { echo "error: hotpath-server did not start (see $OUT/hotpath-server.log)" >&2; exit 1; }
  cat <&3 >/dev/null &
  echo "==> load: Rust core over gRPC at $address (pid $pid) and in-process cores, ramp then 50/70/90 %" >&2
  # scenario:first ramp rate:p99 bound of a sustainable step:deadline:targets (each fits the cost
  # of one request on 2 busy cores: tiny is ~1 ms, a 32-query batch over 100k vectors ~200 ms).
  # tiny, which isolates the transport, also runs the in-process cores (java-core, ffi-core).
  local scenario start bound deadline targets other="${BENCH_TARGETS:-grpc-core}"
  for spec in tiny:100:50ms:1s:grpc-core,java-core,ffi-core search-small:2:250ms:2s:"$other" \
    search-batch:0.5:1s:5s:"$other" rerank-large:4:500ms:2s:"$other"; do
    IFS=: read -r scenario start bound deadline targets <<<"$spec"
    java "${JAVA_FLAGS[@]}" -jar bench/target/bench.jar --target "$targets" --address "$address" \
      --scenario "$scenario" --ramp --ramp-start "$start" --ramp-factor 2 --ramp-step 2s \
      --ramp-step-warmup 1s --p99-bound "$bound" --deadline "$deadline" --duration 5s \
      --warmup 1s --max-in-flight 128 --pid "core=$pid" --out "$OUT/load-$scenario"
    reports+=(--in "$(ls "$OUT/load-$scenario"/load-*.json | head -1)")
  done
  kill -TERM "$pid"
  wait "$pid" || true
  trap - EXIT
  java "${JAVA_FLAGS[@]}" -jar bench/target/bench.jar report "${reports[@]}" --out "$OUT"
}

ensure_built
mkdir -p "$OUT"
[ "${BENCH_SKIP_JMH:-0}" = 1 ] || run_jmh
[ "${BENCH_SKIP_LOAD:-0}" = 1 ] || run_load
echo "==> done in $((SECONDS - started)) s: $OUT" >&2
ls -1 "$OUT" >&2

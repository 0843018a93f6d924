#!/usr/bin/env bash
# ./hybrid bench — the standard comparison, in <= 10 minutes on 2 cores, loopback only:
#   1. JMH P1-P3 (scan GB/s; FFI no-op, protobuf vs fast path vs in-JVM engine; gRPC loopback
#      to the Rust server vs a bare grpc-java server), then the P1-P3 summary;
#   2. load on the cores: hotpath-server on 127.0.0.1:0 (started and stopped here); per scenario
#      a step ramp, then 50/70/90 % of the maximum: tiny against grpc-core, java-core and
#      ffi-core, the search and rerank scenarios against grpc-core;
#   3. P4, the edge: one gateway process (java, ffi and grpc backends; the grpc one is the
#      hotpath-server of step 2) loaded on tiny through its gRPC and REST APIs, pinned to a core
#      transport with x-hybrid-transport, beside bare-grpc (a grpc-java server answering the same
#      method with a fixed reply): ramp, then 70 % of the maximum;
#   4. P6, memory: hotpath-server with 1M x 384 vectors preloaded (RSS), then the gateway with the
#      same collection in its FFI core and with 1,000 vectors (RSS, heap after GC), one at a time;
#   5. one merged JSON + HTML report, the P4 and P6 verdicts on the console.
# Output: bench-results/<timestamp>/ (README "The standard comparison"). Environment:
# BENCH_JMH_ARGS (JMH arguments, default "-wi 2 -i 3"), BENCH_TARGETS (targets of the search and
# rerank scenarios, default grpc-core; e.g. grpc-core,gateway-grpc/grpc,gateway-rest/grpc),
# BENCH_SCENARIOS (step 2's scenarios, space-separated; empty skips step 2), BENCH_EDGE_TARGETS
# (step 3's targets), BENCH_SKIP_JMH=1, BENCH_SKIP_LOAD=1 (steps 2-3),
# BENCH_SKIP_EDGE=1, BENCH_SKIP_P6=1, BENCH_P6_VECTORS (default 1000000), BENCH_OUT.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=../scripts/select-jdk.sh
source scripts/select-jdk.sh

CORE_BINARY="$ROOT/hotpath-native/target/release/hotpath-server"
OUT="${BENCH_OUT:-bench-results/$(date -u +%Y%m%d-%H%M%S)}"
JAVA_FLAGS=(--enable-native-access=ALL-UNNAMED --add-modules=jdk.incubator.vector
  --sun-misc-unsafe-memory-access=allow)
BENCH=(java "${JAVA_FLAGS[@]}" -jar bench/target/bench.jar)
P6_VECTORS="${BENCH_P6_VECTORS:-1000000}"
REPORTS=() # JSON reports merged at the end
PIDS=()    # processes started here, stopped on exit
FAILED=()  # measurement steps that failed (the others still run)
started=$SECONDS

# The gateway process runs from the gateway jar and the dependencies the bench build copied
# into bench/target/lib (the jar `./mvnw -pl gateway -am install` built, with its runtime
# classpath), so it is the very gateway the bench targets were compiled against.
GATEWAY=(java "${JAVA_FLAGS[@]}" -cp "bench/target/lib/*" dev.hybridgateway.gateway.Main)

# Builds the bench jar (and what it needs: proto, the Rust core, the gateway) when one is
# missing or older than any of the bench's sources.
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

stop_all() {
  local pid
  for pid in "${PIDS[@]}"; do
    kill -TERM "$pid" 2>/dev/null || true
  done
}
trap stop_all EXIT

# start NAME REGEX COMMAND...: starts COMMAND with stdout on a pipe and stderr in $OUT/NAME.log,
# waits (no sleep) for the stdout line matching REGEX, which the servers print once they serve.
# Sets STARTED_PID and MATCH (BASH_REMATCH of that line).
start() {
  local name="$1" regex="$2" fifo line
  shift 2
  fifo="$(mktemp -u "${TMPDIR:-/tmp}/hybrid-bench.XXXXXX")"
  mkfifo "$fifo"
  # exec: $! is the server itself, so stop() signals it and not a subshell.
  (exec "$@" >"$fifo" 2>"$OUT/$name.log") &
  STARTED_PID=$!
  PIDS+=("$STARTED_PID")
  exec 3<"$fifo"
  rm -f "$fifo"
  MATCH=()
  while IFS= read -r line <&3; do
    if [[ $line =~ $regex ]]; then
      MATCH=("${BASH_REMATCH[@]}")
      break
    fi
  done
  if [ "${#MATCH[@]}" = 0 ]; then
    echo "error: $name did not start (see $OUT/$name.log)" >&2
    exit 1
  fi
  cat <&3 >/dev/null & # keep draining its stdout
  exec 3<&-
}

stop() { # PID: SIGTERM, wait for the drain, forget it
  local pid kept=()
  kill -TERM "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
  for pid in "${PIDS[@]}"; do [ "$pid" = "$1" ] || kept+=("$pid"); done
  PIDS=("${kept[@]}")
}

start_core() { # extra hotpath-server arguments; sets CORE_PID, CORE_ADDRESS
  start "hotpath-server${1:+-$1}" '^hotpath-server listening on ([^ ]+)' \
    "$CORE_BINARY" --listen 127.0.0.1:0 "${@:2}"
  CORE_PID=$STARTED_PID CORE_ADDRESS="${MATCH[1]}"
}

# start_gateway NAME ARGS...: the gateway jar on three free ports with dev auth in
# $OUT/gateway/dev and no practical rate limit (the bench measures the gateway, not its
# admission); sets GATEWAY_PID, GATEWAY_GRPC, GATEWAY_REST, GATEWAY_ADMIN once /readyz says so.
start_gateway() {
  local name="$1"
  shift
  HYBRID_GATEWAY_AUTH=dev start "$name" \
    '^hybrid-gateway listening on ([^ ]+) .*rest: ([^;]+); admin: ([^)]+)' \
    "${GATEWAY[@]}" --listen 127.0.0.1:0 \
    --rest-listen 127.0.0.1:0 --admin-listen 127.0.0.1:0 --dev-dir "$OUT/gateway/dev" \
    --rate-limit 1000000000 --rate-burst 1000000000 --max-deadline 120s "$@"
  GATEWAY_PID=$STARTED_PID GATEWAY_GRPC="${MATCH[1]}" GATEWAY_REST="${MATCH[2]}"
  GATEWAY_ADMIN="${MATCH[3]}"
  # The listening line comes after readiness; /readyz confirms every backend is usable.
  curl -fsS "http://$GATEWAY_ADMIN/readyz" >"$OUT/$name.readyz" \
    || { echo "error: $name is not ready (see $OUT/$name.log)" >&2; exit 1; }
}

run_jmh() {
  echo "==> JMH P1-P3 -> $OUT/jmh.json" >&2
  # shellcheck disable=SC2086 # BENCH_JMH_ARGS is a list of arguments
  java "${JAVA_FLAGS[@]}" -cp "bench/target/bench.jar:bench/target/lib/*" org.openjdk.jmh.Main \
    -rf json -rff "$OUT/jmh.json" -o "$OUT/jmh.log" ${BENCH_JMH_ARGS:--wi 2 -i 3}
  "${BENCH[@]}" jmh-summary --in "$OUT/jmh.json" --out "$OUT/jmh-summary.txt"
}

# load NAME ARGS...: one load-generator command writing into $OUT/load-NAME/. A failed command
# (a target that cannot be reached) is reported and skipped: the other steps still run.
load() {
  local name="$1"
  shift
  if "${BENCH[@]}" --out "$OUT/load-$name" "$@"; then
    REPORTS+=(--in "$(ls "$OUT/load-$name"/load-*.json | head -1)")
  else
    echo "warning: load step '$name' failed (above); its runs are left out of the report" >&2
    FAILED+=("$name")
  fi
}

# Every tiny target (steps 2 and 3) is first loaded 3 s at 400/s, unrecorded: the gateway JVM
# and the generator's client start cold, and P4 compares ramp steps of both sides.
TINY_WARMUP=(--target-warmup 3s --target-warmup-rate 400)

# Step 2: one ramp per scenario (start rates fit each scenario's cost on 2 busy cores: tiny is
# ~1 ms, a 32-query batch over 100k vectors ~200 ms). tiny, which isolates the transport, also
# runs the in-process cores, and starts at 200/s like step 3 so their steps share rates.
run_core_load() {
  echo "==> load: Rust core over gRPC at $CORE_ADDRESS (pid $CORE_PID) and in-process cores" >&2
  local scenario start bound deadline targets other="${BENCH_TARGETS:-grpc-core}"
  local chosen=" ${BENCH_SCENARIOS-tiny search-small search-batch rerank-large} " warm
  for spec in tiny:200:50ms:1s:grpc-core,java-core,ffi-core search-small:2:250ms:2s:"$other" \
    search-batch:0.5:1s:5s:"$other" rerank-large:4:500ms:2s:"$other"; do
    IFS=: read -r scenario start bound deadline targets <<<"$spec"
    [[ $chosen == *" $scenario "* ]] || continue
    warm=()
    [ "$scenario" != tiny ] || warm=("${TINY_WARMUP[@]}")
    load "$scenario" --target "$targets" --address "$CORE_ADDRESS" --gateway "$GATEWAY_GRPC" \
      --gateway-rest "$GATEWAY_REST" --token-file "$OUT/gateway/token" \
      --scenario "$scenario" --ramp --ramp-start "$start" --ramp-factor 2 --ramp-step 2s \
      --ramp-step-warmup 1s --p99-bound "$bound" --deadline "$deadline" --duration 5s \
      --warmup 1s --max-in-flight 128 --pid "core=$CORE_PID" --pid "gateway=$GATEWAY_PID" \
      "${warm[@]}"
  done
}

# The routing table of the load gateway: one backend per transport, the grpc one being the core
# of step 2, so a pin picks the transport; unpinned calls go to ffi.
write_routing() {
  cat >"$OUT/gateway/routing.yaml" <<EOF
# Written by bench/run.sh: one backend per core transport (gateway/CONFIG.md).
backends:
  java:
    type: java
  ffi:
    type: ffi
  grpc:
    type: grpc
    targets: [$CORE_ADDRESS]
collections:
  bench-1k-384:
    shards: 1
  bench-100k-384:
    shards: 1
routes: []
default_route:
  name: default
  backends:
    - backend: ffi
      weight: 1
EOF
}

start_load_gateway() {
  mkdir -p "$OUT/gateway"
  write_routing
  start_gateway gateway --config "$OUT/gateway/routing.yaml" --no-demo-collection
  # A token of the gateway's dev key; the admin scope lets x-hybrid-transport pin calls.
  "${GATEWAY[@]}" token --dev-dir "$OUT/gateway/dev" --ttl 2h \
    --scopes search,collections.read,collections.write,admin >"$OUT/gateway/token"
  echo "==> gateway: gRPC $GATEWAY_GRPC, REST $GATEWAY_REST, admin $GATEWAY_ADMIN (pid $GATEWAY_PID)" >&2
}

# Step 3: P4 on tiny, warmed up like step 2. All ramps start at 200/s and double, so the
# gateway's steps pair with grpc-core's and ffi-core's of step 2 at the same rates (the p50 the
# gateway adds, at the highest rate both sustained); their maxima give the throughput ratio.
run_edge_load() {
  local targets="${BENCH_EDGE_TARGETS:-bare-grpc,gateway-grpc/ffi,gateway-grpc/grpc,gateway-rest/ffi,gateway-rest/grpc}"
  echo "==> P4 edge: $targets" >&2
  load edge --target "$targets" --address "$CORE_ADDRESS" --gateway "$GATEWAY_GRPC" \
    --gateway-rest "$GATEWAY_REST" --token-file "$OUT/gateway/token" --scenario tiny \
    --ramp --ramp-start 200 --ramp-factor 2 --ramp-step 2s --ramp-step-warmup 1s \
    --p99-bound 50ms --levels 0.7 --deadline 1s --duration 5s --warmup 1s --max-in-flight 128 \
    "${TINY_WARMUP[@]}" --pid "core=$CORE_PID" --pid "gateway=$GATEWAY_PID"
}

# Step 4: P6, one process at a time (each holds ~1.5 GB with 1M x 384 vectors).
run_memory() {
  local count="$P6_VECTORS" dir="$OUT/p6"
  echo "==> P6 memory: $count x 384 vectors resident in hotpath-server, then in the gateway's FFI core" >&2
  mkdir -p "$dir"
  start_core p6 --preload "p6:synthetic:seed=42,count=$count,dim=384,metric=cosine"
  "${BENCH[@]}" memory --role core --name "hotpath-server $count" --pid "$CORE_PID" \
    --vectors "$count" --dim 384 --out "$dir/core" || FAILED+=("p6 core")
  stop "$CORE_PID"
  local n
  for n in "$count" 1000; do
    start_gateway "gateway-p6-$n" --core ffi --demo-count "$n" --demo-dim 384
    "${BENCH[@]}" memory --role gateway --name "gateway ffi $n" --pid "$GATEWAY_PID" \
      --vectors "$n" --dim 384 --out "$dir/gateway-$n" || FAILED+=("p6 gateway $n")
    stop "$GATEWAY_PID"
  done
  local file
  for file in "$dir"/*/memory-*.json; do [ -f "$file" ] && REPORTS+=(--in "$file"); done
}

ensure_built
mkdir -p "$OUT"
[ "${BENCH_SKIP_JMH:-0}" = 1 ] || run_jmh
if [ "${BENCH_SKIP_LOAD:-0}" != 1 ]; then
  start_core "" && load_core_pid=$CORE_PID
  start_load_gateway
  run_core_load
  [ "${BENCH_SKIP_EDGE:-0}" = 1 ] || run_edge_load
  stop "$GATEWAY_PID"
  stop "$load_core_pid"
fi
[ "${BENCH_SKIP_P6:-0}" = 1 ] || run_memory
if [ "${#REPORTS[@]}" -gt 0 ]; then
  echo "==> merged report" >&2
  "${BENCH[@]}" report "${REPORTS[@]}" --out "$OUT"
fi
[ "${#FAILED[@]}" = 0 ] || echo "warning: failed steps: ${FAILED[*]}" >&2
echo "==> done in $((SECONDS - started)) s; results in $OUT:" >&2
ls -1 "$OUT" >&2
for file in "$OUT"/report-*.html "$OUT"/report-*.json "$OUT/jmh-summary.txt"; do
  [ -f "$file" ] && echo "    $file" >&2
done
[ "${#FAILED[@]}" = 0 ]

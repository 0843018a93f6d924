#!/usr/bin/env bash
# Runs the interop catalogue (InteropMain) against a deployment; called by `./hybrid interop`.
# Builds interop-tests (and what it needs) when its jar or runtime classpath is missing or older
# than its sources. Arguments go to InteropMain: --core HOST:PORT, --gateway HOST:PORT,
# --rest HOST:PORT, --token TOKEN, --junit-xml FILE, --case NAME[,NAME...], --tolerance MILLIS,
# --help (at least one of --core, --gateway, --rest).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=../scripts/select-jdk.sh
source scripts/select-jdk.sh

jar="$(find interop-tests/target -maxdepth 1 -name 'interop-tests-*.jar' ! -name '*-tests.jar' -print -quit 2>/dev/null || true)"
stale=""
if [ -n "$jar" ] && [ -d interop-tests/target/lib ]; then
  stale="$(find interop-tests/pom.xml interop-tests/src/main \
    -type f -newer "$jar" -print -quit 2>/dev/null)"
fi
if [ -z "$jar" ] || [ ! -d interop-tests/target/lib ] || [ -n "$stale" ]; then
  echo "==> building the interop suite (and the gateway it uses)" >&2
  rm -rf interop-tests/target/lib # copy-dependencies only adds; no stale jar may stay on the classpath
  ./mvnw -q -pl interop-tests -am install -DskipTests >&2
  jar="$(find interop-tests/target -maxdepth 1 -name 'interop-tests-*.jar' ! -name '*-tests.jar' -print -quit)"
fi

# The shared vectors are read from the checkout; FFM and the Java engine's Vector API need the flags.
exec java --enable-native-access=ALL-UNNAMED --add-modules=jdk.incubator.vector \
  -Dhotpath.vectors.dir="$ROOT/interop-tests/vectors" \
  -cp "$jar:$ROOT/interop-tests/target/lib/*" dev.hybridgateway.interop.InteropMain "$@"

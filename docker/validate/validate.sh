#!/usr/bin/env bash
# Validates the container and cluster files without a Docker engine or a cluster; run by the
# docker Maven module in the verify phase (./mvnw verify), or by hand:
#
#   docker/validate/validate.sh [DOCKER_DIR [CHECK...]]
#
# DOCKER_DIR defaults to the docker/ folder of this repository; CHECK (compose, kubernetes,
# dockerfiles) limits the run to those checks, which selftest.sh uses. The checks:
#
#   compose      compose.yaml against the compose specification, + project rules  (hgvalidate)
#   kubernetes   k8s/ rendered by kustomize, against the API schemas, + project rules (hgvalidate)
#   dockerfiles  *.Dockerfile with hadolint (syntax, pinned bases, non-root, ShellCheck on RUN)
#                and hgvalidate (the shipped stage has a non-root USER and a HEALTHCHECK)
#
# Runs every check even after a failure, prints each problem, and exits 1 if any check failed.
# selftest.sh proves that each check rejects a broken file.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
docker_dir="$(cd "${1:-$here/..}" && pwd)"

# shellcheck source=tools.sh
source "$here/tools.sh"
install_tools

passed=0 failed=0
selected=("${@:2}")
check() { # NAME COMMAND...: runs one check (if selected), counts it
  local name="$1"
  shift
  if [ "${#selected[@]}" -gt 0 ] && [[ " ${selected[*]} " != *" $name "* ]]; then return 0; fi
  if "$@"; then
    echo "validate: $name ok"
    passed=$((passed + 1))
  else
    echo "validate: $name FAILED" >&2
    failed=$((failed + 1))
  fi
}

dockerfiles() {
  local status=0
  "$HADOLINT" --config "$here/hadolint.yaml" "$docker_dir"/*.Dockerfile || status=1
  "$HGVALIDATE" dockerfile "$docker_dir"/*.Dockerfile || status=1
  return "$status"
}

check compose "$HGVALIDATE" compose "$docker_dir/compose.yaml"
check kubernetes "$HGVALIDATE" k8s "$docker_dir/k8s" "${SCHEMA_DIRS[@]}"
check dockerfiles dockerfiles

echo "validate: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

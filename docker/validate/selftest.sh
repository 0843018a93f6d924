#!/usr/bin/env bash
# Proves that each check of validate.sh rejects a broken file: for every case it copies
# docker/ (without target/ and validate/), breaks one file with a Perl substitution, runs the
# one check that should catch it and expects a failure whose output names the problem. A case
# whose substitution no longer matches its file fails too, so the cases cannot silently go
# stale when the real files change. Run by the docker Maven module after validate.sh.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
docker_dir="$(cd "$here/.." && pwd)"
work="$docker_dir/target/selftest"

# shellcheck source=tools.sh
source "$here/tools.sh"
install_tools

passed=0 failed=0
# NAME CHECK FILE PERL_SUBSTITUTION EXPECTED: EXPECTED is a fixed string the output must contain.
broken() {
  local name="$1" check="$2" file="$3" substitution="$4" expected="$5"
  local copy="$work/$name" output
  rm -rf "$copy" && mkdir -p "$copy"
  find "$docker_dir" -mindepth 1 -maxdepth 1 ! -name target ! -name validate -exec cp -R {} "$copy/" \;
  perl -0777 -pi -e "$substitution" "$copy/$file"
  if cmp -s "$docker_dir/$file" "$copy/$file"; then
    echo "selftest: $name FAILED: the substitution did not change $file (update the case)" >&2
    failed=$((failed + 1))
    return
  fi
  if output=$("$here/validate.sh" "$copy" "$check" 2>&1); then
    echo "selftest: $name FAILED: the $check check accepted the broken $file" >&2
    failed=$((failed + 1))
  elif [[ "$output" != *"$expected"* ]]; then
    echo "selftest: $name FAILED: the $check check failed, but without '$expected':" >&2
    echo "$output" >&2
    failed=$((failed + 1))
  else
    echo "selftest: $name ok (rejected: $(grep -F -m1 -- "$expected" <<<"$output" | cut -c1-150))"
    passed=$((passed + 1))
  fi
}

# compose.yaml: the specification (unknown key, wrong type), consistency, project rules
# (variables, health-gated dependencies, mounted config files, pinned images)
broken compose-unknown-key compose compose.yaml \
  's/^    restart: "no"$/    restart: "no"\n    restart_policy: always/m' 'services.loadgen.restart_policy: not allowed by the compose specification'
broken compose-wrong-type compose compose.yaml \
  's/^      - --storage.tsdb.retention.time=2d$/      - 2/m' 'services.prometheus.command.1 must be a string'
broken compose-undefined-service compose compose.yaml \
  's/^      core-1:\n        condition: service_healthy$/      core-2:\n        condition: service_healthy/m' 'undefined service "core-2"'
broken compose-unset-variable compose compose.yaml \
  's/0\.0\.0\.0:\$\{GATEWAY_ADMIN_PORT\}/0.0.0.0:\${GATEWAY_ADMIN_PROT}/' '"GATEWAY_ADMIN_PROT" variable is not set'
broken compose-unhealthy-dependency compose compose.yaml \
  's/(      jaeger:\n        condition: )service_started\n\nvolumes:/$1service_healthy\n\nvolumes:/' 'grafana waits for jaeger to be healthy'
broken compose-missing-mount compose compose.yaml \
  's/\.\/prometheus\/prometheus\.yml:/.\/prometheus\/prometheus.yaml:/' 'prometheus/prometheus.yaml does not exist'
broken compose-missing-routing compose compose.yaml \
  's/\.\/gateway\/routing\.yaml:/.\/gateway\/routing.yml:/' 'gateway/routing.yml does not exist'
broken compose-config-syntax compose grafana/dashboards/hybrid-gateway.json \
  's/^  "uid": "hybrid-gateway",$/  "uid": "hybrid-gateway"/m' 'hybrid-gateway.json does not parse'
broken compose-unpinned-image compose compose.yaml \
  's/prom\/prometheus:v3.13.0/prom\/prometheus:latest/' 'uses the latest tag'

# k8s/: kustomize, the API schemas (unknown field, wrong type, missing field, unknown kind),
# references between objects, the container baseline
broken k8s-kustomize-error kubernetes k8s/kustomization.yaml \
  's/- core-pdb.yaml/- core-pbd.yaml/' 'core-pbd.yaml'
broken k8s-missing-routing kubernetes k8s/kustomization.yaml \
  's/files: \[routing\.yaml\]/files: [routing.yml]/' 'routing.yml'
broken k8s-misspelled-field kubernetes k8s/core-statefulset.yaml \
  's/podManagementPolicy:/podManagmentPolicy:/' "additional properties 'podManagmentPolicy' not allowed"
broken k8s-wrong-type kubernetes k8s/gateway-hpa.yaml \
  's/minReplicas: 2/minReplicas: "2"/' '/spec/minReplicas'
broken k8s-missing-required-field kubernetes k8s/gateway-hpa.yaml \
  's/^  maxReplicas: 10\n//m' "missing property 'maxReplicas'"
broken k8s-unknown-kind kubernetes k8s/core-pdb.yaml \
  's/kind: PodDisruptionBudget/kind: PodDisruptionBudgets/' 'no schema for kind PodDisruptionBudgets'
broken k8s-selector-mismatch kubernetes k8s/core-pdb.yaml \
  's/app.kubernetes.io\/name: core/app.kubernetes.io\/name: cores/' 'PodDisruptionBudget hybrid-gateway/core: its selector matches no'
broken k8s-writable-root kubernetes k8s/core-statefulset.yaml \
  's/readOnlyRootFilesystem: true/readOnlyRootFilesystem: false/' 'readOnlyRootFilesystem is not true'
broken k8s-no-limits kubernetes k8s/gateway-deployment.yaml \
  's/^            limits:\n              cpu: "2"\n              memory: 1536Mi\n//m' 'no resources.limits.memory'

# Dockerfiles: hadolint (syntax, pinned base) and the shipped stage's USER and HEALTHCHECK
broken dockerfile-syntax dockerfiles gateway.Dockerfile \
  's/^EXPOSE /EXPOS /m' 'gateway.Dockerfile:'
broken dockerfile-unpinned-base dockerfiles core.Dockerfile \
  's/^FROM debian:12.11-slim AS core$/FROM debian:latest AS core/m' 'DL3007'
broken dockerfile-root-user dockerfiles core.Dockerfile \
  's/^USER 10001:10001\n//m' 'stage core ships as an image and must set a non-root USER'
broken dockerfile-root-extra-target dockerfiles gateway.Dockerfile \
  's/^USER 10001:10001\n//m' 'stage loadgen ships as an image and must set a non-root USER'
broken dockerfile-no-healthcheck dockerfiles gateway.Dockerfile \
  's/^HEALTHCHECK [^\n]*\n[^\n]*\n//m' 'the final stage (the default image) has no HEALTHCHECK'

echo "selftest: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

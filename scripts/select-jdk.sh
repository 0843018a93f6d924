# Sourced by ./hybrid and .ci/run: exports JAVA_HOME pointing at a JDK >= 22 (Panama FFM is
# final since 22). Keeps a JAVA_HOME that is already new enough; otherwise takes the java on
# PATH if it is; otherwise the newest JDK found under the usual install folders.
# Fails with one message that says how to get a JDK.

HYBRID_MIN_JDK=22

hybrid_jdk_major() { # $1 = a JDK home; prints its feature version, or nothing
  [ -x "$1/bin/java" ] || return 0
  "$1/bin/java" -XshowSettings:properties -version 2>&1 |
    awk -F'= ' '/java.specification.version/ { sub(/^1\./, "", $2); print $2 }'
}

hybrid_select_jdk() {
  local candidate major best="" best_major=0
  if [ -n "${JAVA_HOME:-}" ]; then
    major=$(hybrid_jdk_major "$JAVA_HOME")
    if [ -n "$major" ] && [ "$major" -ge "$HYBRID_MIN_JDK" ]; then return 0; fi
  fi
  if command -v java >/dev/null 2>&1; then
    candidate=$(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.home/ { print $2 }')
    major=$(hybrid_jdk_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge "$HYBRID_MIN_JDK" ]; then export JAVA_HOME="$candidate"; return 0; fi
  fi
  for candidate in /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/*; do
    major=$(hybrid_jdk_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge "$HYBRID_MIN_JDK" ] && [ "$major" -gt "$best_major" ]; then
      best="$candidate"; best_major="$major"
    fi
  done
  if [ -n "$best" ]; then export JAVA_HOME="$best"; return 0; fi
  echo "hybrid-gateway needs a JDK ${HYBRID_MIN_JDK}+ (Panama FFM) and found none." >&2
  echo "Install one (e.g. Temurin 25) and set JAVA_HOME to it, then run the command again." >&2
  return 1
}

hybrid_select_jdk || exit 1
export PATH="$JAVA_HOME/bin:$PATH"

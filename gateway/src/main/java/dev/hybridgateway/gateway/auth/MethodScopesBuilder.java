package dev.hybridgateway.gateway.auth;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Builds a {@link MethodScopes} table. Patterns are {@code "pkg.Service/Method"}, {@code
 * "pkg.Service/*"} or {@code "pkg.prefix.*"}; each may appear once.
 */
public final class MethodScopesBuilder {
  private final Map<String, String> scopes = new LinkedHashMap<>();
  private final Set<String> publicPatterns = new HashSet<>();

  MethodScopesBuilder() {}

  /** Calls matching {@code pattern} need {@code scope}. */
  public MethodScopesBuilder require(String pattern, String scope) {
    checkPattern(pattern);
    requireNonNull(scope, "scope");
    if (scope.isBlank() || scope.contains(" ")) {
      throw new IllegalArgumentException("scope must be one non-blank word: '" + scope + "'");
    }
    scopes.put(pattern, scope);
    return this;
  }

  /** Calls matching {@code pattern} need no credentials (health checks, reflection). */
  public MethodScopesBuilder allowPublic(String pattern) {
    checkPattern(pattern);
    publicPatterns.add(pattern);
    return this;
  }

  public MethodScopes build() {
    return new MethodScopes(scopes, publicPatterns);
  }

  private void checkPattern(String pattern) {
    requireNonNull(pattern, "pattern");
    if (scopes.containsKey(pattern) || publicPatterns.contains(pattern)) {
      throw new IllegalArgumentException("method pattern listed twice: " + pattern);
    }
    int slash = pattern.indexOf('/');
    boolean method = slash > 0 && slash < pattern.length() - 1 && slash == pattern.lastIndexOf('/');
    boolean prefix = slash < 0 && pattern.endsWith(".*") && pattern.length() > 2;
    boolean wildcardOk = !pattern.contains("*") || pattern.endsWith("/*") || prefix;
    if (!(method || prefix) || !wildcardOk || pattern.indexOf('*') != pattern.lastIndexOf('*')) {
      throw new IllegalArgumentException(
          "method pattern must be 'pkg.Service/Method', 'pkg.Service/*' or 'pkg.prefix.*': "
              + pattern);
    }
  }
}

package dev.hybridgateway.gateway.auth;

import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import dev.hybridgateway.gateway.core.CoreErrors;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.Map;

/**
 * The errors of authentication and authorization: UNAUTHENTICATED (401) or PERMISSION_DENIED
 * (403), each with an {@link ErrorInfo} in {@link CoreErrors#EDGE_DOMAIN} whose reason is one of
 * the constants below. Messages say what is wrong and how to fix it but never contain the
 * presented token or key.
 */
public final class AuthErrors {
  /** No {@code authorization} and no {@code x-api-key} header. */
  public static final String CREDENTIALS_MISSING = "CREDENTIALS_MISSING";

  /** Both a bearer token and an API key were sent. */
  public static final String CREDENTIALS_AMBIGUOUS = "CREDENTIALS_AMBIGUOUS";

  /** {@code exp} (plus the allowed clock skew) has passed. */
  public static final String TOKEN_EXPIRED = "TOKEN_EXPIRED";

  /** {@code nbf} (minus the allowed clock skew) is still ahead. */
  public static final String TOKEN_NOT_YET_VALID = "TOKEN_NOT_YET_VALID";

  /** Malformed, bad signature, missing claims, or not a bearer token. */
  public static final String TOKEN_INVALID = "TOKEN_INVALID";

  /** {@code alg} is {@code none} or not on the allow-list. */
  public static final String ALGORITHM_NOT_ALLOWED = "ALGORITHM_NOT_ALLOWED";

  /** {@code iss} is not the configured issuer. */
  public static final String ISSUER_MISMATCH = "ISSUER_MISMATCH";

  /** {@code aud} does not contain the configured audience. */
  public static final String AUDIENCE_MISMATCH = "AUDIENCE_MISMATCH";

  /** No key of the JWKS matches the token's {@code kid} and algorithm. */
  public static final String KEY_NOT_FOUND = "KEY_NOT_FOUND";

  /** The {@code x-api-key} matches no configured key. */
  public static final String API_KEY_INVALID = "API_KEY_INVALID";

  /** The caller lacks the scope the method needs (metadata {@code required_scope}). */
  public static final String SCOPE_MISSING = "SCOPE_MISSING";

  /** The method has no entry in {@link MethodScopes}: denied until one is added. */
  public static final String METHOD_NOT_MAPPED = "METHOD_NOT_MAPPED";

  /** The JWKS URL could not be fetched and no cached copy is usable (UNAVAILABLE, 503). */
  public static final String JWKS_UNAVAILABLE = "JWKS_UNAVAILABLE";

  private AuthErrors() {}

  /** UNAUTHENTICATED with reason {@code reason}. */
  public static StatusRuntimeException unauthenticated(String reason, String message) {
    return unauthenticated(reason, message, Map.of());
  }

  /** UNAUTHENTICATED with reason {@code reason} and ErrorInfo metadata (never a credential). */
  public static StatusRuntimeException unauthenticated(
      String reason, String message, Map<String, String> metadata) {
    return error(Code.UNAUTHENTICATED, reason, message, metadata);
  }

  /** PERMISSION_DENIED with reason {@code reason} and ErrorInfo metadata. */
  public static StatusRuntimeException permissionDenied(
      String reason, String message, Map<String, String> metadata) {
    return error(Code.PERMISSION_DENIED, reason, message, metadata);
  }

  /** UNAVAILABLE: the keys to check a token could not be loaded. */
  public static StatusRuntimeException jwksUnavailable(String message) {
    return CoreErrors.toException(
        CoreErrors.unavailable(JWKS_UNAVAILABLE, message, Duration.ofSeconds(1)));
  }

  private static StatusRuntimeException error(
      Code code, String reason, String message, Map<String, String> metadata) {
    ErrorInfo info =
        ErrorInfo.newBuilder()
            .setDomain(CoreErrors.EDGE_DOMAIN)
            .setReason(reason)
            .putAllMetadata(metadata)
            .build();
    return CoreErrors.toException(CoreErrors.status(code, message, info));
  }
}

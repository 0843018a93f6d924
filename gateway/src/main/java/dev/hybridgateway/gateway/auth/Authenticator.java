package dev.hybridgateway.gateway.auth;

import static java.util.Objects.requireNonNull;

import io.grpc.StatusRuntimeException;
import java.time.Clock;
import java.util.Locale;

/**
 * Turns a request's credentials into a {@link Principal}: {@code authorization: Bearer <JWT>}
 * or {@code x-api-key: <key>} (exactly one of them). Transport-neutral: gRPC goes through {@link
 * AuthInterceptor}; the REST adapter calls it directly, off the event loop (the first request
 * after start-up may wait for the JWKS URL):
 *
 * <pre>{@code
 * Principal caller = authenticator.authenticate(nettyRequest.headers()::get);
 * authorizer.authorize(caller, "hybrid.gateway.v1.SearchService/Search");
 * }</pre>
 *
 * Failures are {@link StatusRuntimeException}s: UNAUTHENTICATED with an ErrorInfo reason from
 * {@link AuthErrors} (UNAVAILABLE / JWKS_UNAVAILABLE when the JWKS URL is down with nothing
 * cached). Whoever creates it closes it (the JWKS URL cache has a refresh thread).
 */
public final class Authenticator implements AutoCloseable {
  private static final String BEARER = "bearer ";

  private final JwtValidator jwt;
  private final ApiKeys apiKeys;

  private Authenticator(AuthConfig config, Clock clock) {
    this.jwt = config.acceptsJwt() ? new JwtValidator(config, clock) : null;
    this.apiKeys = new ApiKeys(config.apiKeys());
  }

  /**
   * The authenticator of {@code config}; reads the JWKS file now.
   *
   * @throws IllegalArgumentException when the JWKS file cannot be read
   */
  public static Authenticator create(AuthConfig config) {
    return create(config, Clock.systemUTC());
  }

  /** As {@link #create(AuthConfig)}, with the clock that {@code exp} and {@code nbf} use. */
  public static Authenticator create(AuthConfig config, Clock clock) {
    return new Authenticator(requireNonNull(config, "config"), requireNonNull(clock, "clock"));
  }

  /** The caller behind {@code headers}, or a StatusRuntimeException saying why not. */
  public Principal authenticate(RequestHeaders headers) {
    requireNonNull(headers, "headers");
    String authorization = blankToNull(headers.get(RequestHeaders.AUTHORIZATION));
    String apiKey = blankToNull(headers.get(RequestHeaders.API_KEY));
    if (authorization == null && apiKey == null) {
      throw AuthErrors.unauthenticated(
          AuthErrors.CREDENTIALS_MISSING,
          "this method needs credentials: send 'authorization: Bearer <JWT>' or"
              + " 'x-api-key: <key>'");
    }
    if (authorization != null && apiKey != null) {
      throw AuthErrors.unauthenticated(
          AuthErrors.CREDENTIALS_AMBIGUOUS,
          "send either 'authorization: Bearer <JWT>' or 'x-api-key', not both");
    }
    if (apiKey != null) {
      return apiKeys.authenticate(apiKey);
    }
    if (!authorization.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
      throw AuthErrors.unauthenticated(
          AuthErrors.TOKEN_INVALID, "the authorization header must be 'Bearer <JWT>'");
    }
    if (jwt == null) {
      throw AuthErrors.unauthenticated(
          AuthErrors.TOKEN_INVALID,
          "this gateway accepts no bearer tokens (no auth.jwks_file or auth.jwks_url is"
              + " configured); use x-api-key");
    }
    return jwt.validate(authorization.substring(BEARER.length()).strip());
  }

  @Override
  public void close() {
    if (jwt != null) {
      jwt.close();
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}

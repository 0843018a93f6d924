package dev.hybridgateway.gateway.testing;

import static java.util.Objects.requireNonNull;

import io.grpc.CallCredentials;
import io.grpc.Metadata;
import java.util.concurrent.Executor;

/**
 * Call credentials that send {@code authorization: Bearer <token>}, for stubs of a gateway that
 * authenticates: {@code stub.withCallCredentials(Bearer.of(devTokens.mint(...)))}.
 */
public final class Bearer extends CallCredentials {
  private static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  private final String token;

  private Bearer(String token) {
    this.token = requireNonNull(token, "token");
  }

  /** Credentials carrying {@code token}. */
  public static Bearer of(String token) {
    return new Bearer(token);
  }

  @Override
  public void applyRequestMetadata(RequestInfo info, Executor executor, MetadataApplier applier) {
    Metadata headers = new Metadata();
    headers.put(AUTHORIZATION, "Bearer " + token);
    applier.apply(headers);
  }
}

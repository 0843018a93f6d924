package dev.hybridgateway.bench.targets;

import io.grpc.ClientInterceptor;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The request headers of a gateway target: the bearer token (dev tokens from {@code
 * hybrid-gateway token}; the pin needs the admin scope) and the transport pin. The same names
 * serve gRPC metadata and HTTP headers; the REST adapter forwards both.
 *
 * @param token a JWT, or null to send none (a server without authentication)
 * @param pin the transport to pin calls to, or null to let the routing table choose
 */
public record GatewayHeaders(String token, TransportPin pin) {

  /** Header name → value, in sending order. */
  public Map<String, String> asMap() {
    Map<String, String> headers = new LinkedHashMap<>();
    if (token != null) {
      headers.put("authorization", "Bearer " + token);
    }
    if (pin != null) {
      headers.put(TransportPin.HEADER, pin.id());
    }
    return headers;
  }

  /** A client interceptor that attaches the headers to every call. */
  public ClientInterceptor interceptor() {
    Metadata metadata = new Metadata();
    asMap().forEach(
        (name, value) -> metadata.put(Metadata.Key.of(name, Metadata.ASCII_STRING_MARSHALLER), value));
    return MetadataUtils.newAttachHeadersInterceptor(metadata);
  }
}

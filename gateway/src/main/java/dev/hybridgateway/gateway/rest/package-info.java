/**
 * The REST/JSON adapter: HTTP/1.1 on Netty in front of the gateway's own gRPC services.
 *
 * <p>Each REST route ({@link dev.hybridgateway.gateway.rest.RestRoutes}, the
 * {@code google.api.http} annotations of the protos) is translated into its gRPC method and
 * called through a {@link io.grpc.Channel} to the gateway services, so authentication, the
 * deadline policy, validation, routing and telemetry run exactly as they do for gRPC callers.
 *
 * <p>Conventions: request bodies are proto3 JSON (lowerCamel or original field names; unknown
 * fields are rejected); responses are proto3 JSON with lowerCamel names and every field printed,
 * 64-bit integers as strings, floats in their shortest round-tripping form. Errors are the
 * {@code google.rpc.Status} as JSON with the standard HTTP mapping. Request headers: see {@link
 * dev.hybridgateway.gateway.rest.RestHeaders}.
 */
package dev.hybridgateway.gateway.rest;

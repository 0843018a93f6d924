/**
 * The Rust core over gRPC: {@link dev.hybridgateway.gateway.core.grpc.GrpcCoreClient} calls
 * {@code hybrid.core.v1.HotPath} on a {@code hotpath-server} process through any {@link
 * io.grpc.Channel}; {@link dev.hybridgateway.gateway.core.grpc.CoreChannelBuilder} makes the
 * channel with the settings that match the server (message size, keepalive, round-robin over
 * the addresses a target resolves to).
 *
 * <p>The deadline travels as {@code grpc-timeout}, a cancellation as RST_STREAM, errors come back
 * as {@code grpc-status-details-bin} and the W3C {@code traceparent} goes out as metadata, so the
 * gRPC transport honours the same {@link dev.hybridgateway.gateway.core.CoreClient} contract as
 * the in-process ones.
 */
package dev.hybridgateway.gateway.core.grpc;

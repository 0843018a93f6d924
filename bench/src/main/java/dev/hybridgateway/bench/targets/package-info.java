/**
 * {@link dev.hybridgateway.bench.load.LoadTarget}s, one small class per transport: the Rust core
 * over gRPC ({@link dev.hybridgateway.bench.targets.GrpcCoreTarget}), an in-process {@code
 * CoreClient} ({@link dev.hybridgateway.bench.targets.CoreClientTarget}), the gateway's gRPC and
 * REST APIs ({@link dev.hybridgateway.bench.targets.GatewayGrpcTarget}, {@link
 * dev.hybridgateway.bench.targets.GatewayRestTarget}, with a token and an optional {@link
 * dev.hybridgateway.bench.targets.TransportPin}), and the bare grpc-java server that is P4's
 * throughput yardstick ({@link dev.hybridgateway.bench.targets.BareSearchServer}).
 */
package dev.hybridgateway.bench.targets;

/**
 * The gateway's gRPC server: the public API {@code hybrid.gateway.v1} ({@code SearchService},
 * {@code CollectionService}) served by grpc-java on Netty, with health and server reflection.
 *
 * <p>One class per job: {@link dev.hybridgateway.gateway.server.EdgePipeline} writes down the
 * request path in order (authn/authz → deadline → validation → admission → routing → bulkhead
 * → fan-out → resilience → CoreClient, telemetry around it) and runs its steps; {@link
 * dev.hybridgateway.gateway.server.GatewayServerBuilder} assembles the interceptor chain in front
 * of it; {@link dev.hybridgateway.gateway.server.DeadlinePolicy} is the edge deadline rule and
 * {@link dev.hybridgateway.gateway.server.DeadlineInterceptor} applies it; the {@code
 * *ServiceImpl} classes call the pipeline; {@code ShardedCalls} makes the collection calls on
 * every shard; the {@code *Mapper} classes translate between the public messages and the core's.
 */
package dev.hybridgateway.gateway.server;

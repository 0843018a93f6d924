/**
 * The gateway's gRPC server: the public API {@code hybrid.gateway.v1} ({@code SearchService},
 * {@code CollectionService}) served by grpc-java on Netty over a {@link
 * dev.hybridgateway.gateway.core.CoreClient}, with health and server reflection.
 *
 * <p>One class per job: {@link dev.hybridgateway.gateway.server.GatewayServerBuilder} assembles
 * the server and writes down the order of the interceptors; {@link
 * dev.hybridgateway.gateway.server.DeadlinePolicy} is the edge deadline rule and {@link
 * dev.hybridgateway.gateway.server.DeadlineInterceptor} applies it; the {@code *ServiceImpl}
 * classes call the core; the {@code *Mapper} classes translate between the public messages and
 * the core's.
 */
package dev.hybridgateway.gateway.server;

/**
 * {@link dev.hybridgateway.bench.load.LoadTarget}s. Available now: the Rust core over gRPC
 * ({@link dev.hybridgateway.bench.targets.GrpcCoreTarget}). Each further transport is one small
 * class here: the gateway over gRPC (a stub of its service over a {@code Channel}), the gateway
 * over REST (a {@code java.net.http.HttpClient} whose non-2xx statuses become
 * {@code ErrorCodes.http(status)}), and each in-process {@code CoreClient}
 * ({@code client.search(request)} mapped to {@code Reply.ok(coreReply.coreNanos())}).
 */
package dev.hybridgateway.bench.targets;

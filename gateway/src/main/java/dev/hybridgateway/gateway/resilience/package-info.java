/**
 * Resilience of the calls from the edge to each backend (request path step 8): a Resilience4j
 * circuit breaker per backend that judges outcomes by their gRPC status code
 * ({@link dev.hybridgateway.gateway.resilience.FailureClassifier}), and retries that are safe
 * (UNAVAILABLE on idempotent methods only), backed off with jitter, kept inside the caller's
 * deadline and limited by a per-backend retry budget.
 *
 * <p>Entry point: {@link dev.hybridgateway.gateway.resilience.BackendResilience}, one per process.
 * It wraps each backend's {@link dev.hybridgateway.gateway.core.CoreClient} in a
 * {@link dev.hybridgateway.gateway.resilience.ResilientCoreClient}, reports circuit states for
 * metrics and {@code /admin/routes}, and tells the router which backends are open so it can use a
 * route's fallback.
 */
package dev.hybridgateway.gateway.resilience;

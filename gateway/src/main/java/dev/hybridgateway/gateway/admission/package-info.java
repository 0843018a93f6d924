/**
 * Admission (request path step 5): work the gateway refuses before it reaches a backend.
 *
 * <ul>
 *   <li>{@link dev.hybridgateway.gateway.admission.TenantRateLimiter}: a token bucket per tenant in
 *       a size-capped LRU registry → RESOURCE_EXHAUSTED with QuotaFailure and RetryInfo (HTTP 429
 *       with Retry-After).
 *   <li>{@link dev.hybridgateway.gateway.admission.BackendBulkheads}: at most N calls in flight per
 *       backend → UNAVAILABLE with RetryInfo; its saturation feeds the bulkhead gauge.
 * </ul>
 */
package dev.hybridgateway.gateway.admission;

/**
 * Fan-out (request path step 7): a Search on a sharded collection is scattered to every shard of
 * the {@link dev.hybridgateway.gateway.routing.RoutePlan} in parallel, inside the caller's one
 * deadline, and the shards' top-k lists are merged in the canonical order
 * ({@link dev.hybridgateway.gateway.fanout.TopKMerge}). Entry point:
 * {@link dev.hybridgateway.gateway.fanout.ScatterGather#search}.
 */
package dev.hybridgateway.gateway.fanout;

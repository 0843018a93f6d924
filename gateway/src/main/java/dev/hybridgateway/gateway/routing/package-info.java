/**
 * Routing (request path step 6): which backend serves a call, and on which shards.
 *
 * <p>The routing table is a YAML file ({@code gateway/CONFIG.md} documents every key) read by
 * {@link dev.hybridgateway.gateway.routing.RoutingConfig#parse} and validated at start-up: a bad
 * file fails with a {@link dev.hybridgateway.gateway.routing.RoutingConfigException} naming the
 * path of the bad key. Entry point at request time:
 * {@link dev.hybridgateway.gateway.routing.Router#route}, which returns a
 * {@link dev.hybridgateway.gateway.routing.RoutePlan}: the shards to call, each with its
 * {@link dev.hybridgateway.gateway.core.CoreClient}, and the fallback plan used while the chosen
 * backend's circuit is open.
 */
package dev.hybridgateway.gateway.routing;

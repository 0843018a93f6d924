/**
 * What the gateway's two Netty HTTP/1.1 servers (the REST adapter, the admin port) share: the
 * first handlers (idle timer, codec with request-line and header limits), the tracking of open
 * connections and the graceful close order.
 */
package dev.hybridgateway.gateway.http;

/**
 * How the gateway process is put together from its configuration: which {@link
 * dev.hybridgateway.gateway.core.CoreClient} to open ({@link
 * dev.hybridgateway.gateway.config.CoreClients}), the demo collection created at start-up, and
 * the parsing of command-line values ({@link dev.hybridgateway.gateway.config.Converters}). The
 * command line itself is {@link dev.hybridgateway.gateway.Main}.
 */
package dev.hybridgateway.gateway.config;

/**
 * How the gateway process is put together from its configuration: which routing table it runs
 * ({@link dev.hybridgateway.gateway.config.StartupRouting}), the core clients of every backend
 * ({@link dev.hybridgateway.gateway.config.BackendClients} over {@link
 * dev.hybridgateway.gateway.config.CoreClients}), the demo collection created on every shard,
 * the auth the process runs ({@link dev.hybridgateway.gateway.config.StartupAuth}: the dev
 * profile, or the prod file read by {@link dev.hybridgateway.gateway.config.AuthConfigFile}),
 * the {@code /admin/routes} page ({@link dev.hybridgateway.gateway.config.RoutesPage}) and the
 * parsing of command-line values ({@link dev.hybridgateway.gateway.config.Converters}). The
 * command line itself is {@link dev.hybridgateway.gateway.Main}.
 */
package dev.hybridgateway.gateway.config;

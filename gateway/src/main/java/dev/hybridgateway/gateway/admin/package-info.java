/**
 * The admin HTTP/1.1 server (Netty), on its own port (default 127.0.0.1:9090): {@code /healthz},
 * {@code /readyz}, {@code /metrics} (Prometheus) and the operator pages under {@code /admin/},
 * which need a credential with the {@code admin} scope.
 *
 * <p>{@link dev.hybridgateway.gateway.admin.AdminServerBuilder} configures and starts {@link
 * dev.hybridgateway.gateway.admin.AdminServer}; {@code AdminPipeline} sets the protocol limits;
 * {@code AdminHandler} applies the method and error rules; {@code AdminRoutes} maps paths to the
 * small endpoint classes ({@code HealthEndpoints}, {@code AdminGuard} for {@code /admin/});
 * {@code StatusJson} renders every error as the {@code google.rpc.Status} JSON of the REST API.
 */
package dev.hybridgateway.gateway.admin;

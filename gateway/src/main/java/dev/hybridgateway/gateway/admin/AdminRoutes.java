package dev.hybridgateway.gateway.admin;

import static java.util.Objects.requireNonNull;

import com.google.rpc.Code;
import dev.hybridgateway.gateway.core.CoreErrors;
import dev.hybridgateway.gateway.telemetry.MetricsExposition;
import io.grpc.StatusRuntimeException;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Which endpoint answers which path. Public: {@code /healthz}, {@code /readyz}, {@code /metrics}.
 * Under {@code /admin/}: the registered JSON pages (e.g. {@code routes}), each behind {@link
 * AdminGuard} with the operation named after the page ({@code /admin/routes} → {@code Routes}).
 * Credentials are checked before the page is looked up, so an unknown admin page tells an
 * anonymous caller nothing. Anything else is 404.
 */
final class AdminRoutes {
  private static final String ADMIN_PREFIX = "/admin/";

  private final HealthEndpoints health;
  private final MetricsExposition metrics;
  private final AdminGuard guard;
  private final Map<String, Supplier<String>> pages;

  AdminRoutes(
      HealthEndpoints health,
      MetricsExposition metrics,
      AdminGuard guard,
      Map<String, Supplier<String>> pages) {
    this.health = requireNonNull(health, "health");
    this.metrics = requireNonNull(metrics, "metrics");
    this.guard = requireNonNull(guard, "guard");
    this.pages = Map.copyOf(pages);
  }

  AdminResponse handle(AdminRequest request) {
    String path = request.path();
    return switch (path) {
      case "/healthz" -> health.healthz();
      case "/readyz" -> health.readyz();
      case "/metrics" -> metrics(request);
      default ->
          path.equals("/admin") || path.startsWith(ADMIN_PREFIX)
              ? adminPage(request, path.length() > ADMIN_PREFIX.length()
                  ? path.substring(ADMIN_PREFIX.length()) : "")
              : notFound(path);
    };
  }

  private AdminResponse metrics(AdminRequest request) {
    MetricsExposition.Page page = metrics.render(request.header("accept"));
    return new AdminResponse(200, page.contentType(), page.body(), Map.of());
  }

  private AdminResponse adminPage(AdminRequest request, String name) {
    try {
      guard.admit(request, operation(name));
    } catch (StatusRuntimeException refused) {
      return StatusJson.response(CoreErrors.toStatus(refused));
    }
    Supplier<String> page = pages.get(name);
    return page == null ? notFound(request.path()) : AdminResponse.json(200, page.get());
  }

  /** {@code routes} → {@code Routes}: the operation name in {@code MethodScopes}. */
  private static String operation(String page) {
    String first = page.split("/", 2)[0];
    return first.isEmpty()
        ? "Index"
        : first.substring(0, 1).toUpperCase(Locale.ROOT) + first.substring(1);
  }

  private static AdminResponse notFound(String path) {
    return StatusJson.response(
        StatusJson.status(
            Code.NOT_FOUND,
            "ADMIN_PATH_NOT_FOUND",
            "no admin endpoint at " + path + "; try /healthz, /readyz, /metrics or /admin/routes"));
  }
}

package dev.hybridgateway.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Struct;
import dev.hybridgateway.gateway.core.Transport;
import dev.hybridgateway.gateway.routing.RoutingConfig;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which routing table the process runs, and how {@code /admin/routes} shows it. */
class StartupRoutingTest {
  @Test
  void of_noConfigAndFfi_isTheEmbeddedDefault() {
    RoutingConfig routing = StartupRouting.of(null, Transport.FFI, "ignored:1");

    assertThat(routing.backends()).containsOnlyKeys("rust-ffi");
    assertThat(StartupRouting.describe(routing)).isEqualTo("ffi");
  }

  @Test
  void of_noConfigAndGrpc_isOneBackendOnTheCoreTarget() {
    RoutingConfig routing = StartupRouting.of(null, Transport.GRPC, "127.0.0.1:50099");

    assertThat(routing.backends().get("grpc").targets()).containsExactly("127.0.0.1:50099");
    assertThat(StartupRouting.describe(routing)).isEqualTo("grpc");
  }

  @Test
  void of_configFile_winsOverCore() {
    RoutingConfig routing =
        StartupRouting.of(Path.of("config/two-shards.yaml"), Transport.JAVA, "ignored:1");

    assertThat(routing.backends()).containsOnlyKeys("rust", "java");
    assertThat(routing.backends().get("rust").shards()).isEqualTo(2);
  }

  @Test
  void routesPage_twoShards_showsBackendsWithCircuitStatesAndRoutes() {
    RoutingConfig routing = RoutingConfig.load(Path.of("config/two-shards.yaml"));

    Struct page = new RoutesPage(routing, () -> Map.of("rust", "open")).get();

    Struct rust = page.getFieldsOrThrow("backends").getStructValue().getFieldsOrThrow("rust")
        .getStructValue();
    assertThat(rust.getFieldsOrThrow("circuit").getStringValue()).isEqualTo("open");
    assertThat(rust.getFieldsOrThrow("targets").getListValue().getValuesCount()).isEqualTo(2);
    Struct java = page.getFieldsOrThrow("backends").getStructValue().getFieldsOrThrow("java")
        .getStructValue();
    assertThat(java.getFieldsOrThrow("circuit").getStringValue()).isEqualTo("closed");
    assertThat(page.getFieldsOrThrow("routes").getListValue().getValues(0).getStructValue()
        .getFieldsOrThrow("fallback").getStringValue()).isEqualTo("java");
  }
}

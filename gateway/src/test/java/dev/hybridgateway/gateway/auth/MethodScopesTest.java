package dev.hybridgateway.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The default scope table, and how it resolves patterns. */
class MethodScopesTest {
  private final MethodScopes table = MethodScopes.defaults();

  @ParameterizedTest
  @CsvSource({
    "hybrid.gateway.v1.SearchService/Search, search",
    "hybrid.gateway.v1.SearchService/Rerank, search",
    "hybrid.gateway.v1.CollectionService/GetCollection, collections.read",
    "hybrid.gateway.v1.CollectionService/ListCollections, collections.read",
    "hybrid.gateway.v1.CollectionService/CreateCollection, collections.write",
    "hybrid.gateway.v1.CollectionService/DeleteCollection, collections.write",
    "hybrid.gateway.v1.CollectionService/UpsertVectors, collections.write",
    "hybrid.gateway.admin.Admin/TransportOverride, admin",
    "hybrid.gateway.admin.Admin/Routes, admin",
  })
  void requiredScope_gatewayMethods_mapped(String method, String scope) {
    assertThat(table.requiredScope(method)).contains(scope);
    assertThat(table.isPublic(method)).isFalse();
  }

  @Test
  void requiredScope_unknownMethods_empty() {
    assertThat(table.requiredScope("hybrid.gateway.v1.CollectionService/Truncate")).isEmpty();
    assertThat(table.requiredScope("hybrid.core.v1.HotPath/Search")).isEmpty();
    assertThat(table.isPublic("hybrid.core.v1.HotPath/Search")).isFalse();
  }

  @Test
  void isPublic_healthAndReflection_true() {
    assertThat(table.isPublic("grpc.health.v1.Health/Check")).isTrue();
    assertThat(table.isPublic("grpc.health.v1.Health/Watch")).isTrue();
    assertThat(table.isPublic("grpc.reflection.v1.ServerReflection/ServerReflectionInfo")).isTrue();
    assertThat(table.isPublic("grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo"))
        .isTrue();
    assertThat(table.isPublic("grpc.healthy.v1.Health/Check")).isFalse();
  }

  @Test
  void requiredScope_exactEntryBeatsServiceEntry() {
    MethodScopes custom =
        MethodScopes.builder()
            .require("acme.v1.Orders/*", "orders.read")
            .require("acme.v1.Orders/Cancel", "orders.write")
            .build();

    assertThat(custom.requiredScope("acme.v1.Orders/Get")).contains("orders.read");
    assertThat(custom.requiredScope("acme.v1.Orders/Cancel")).contains("orders.write");
  }

  @Test
  void builder_badOrDuplicatePattern_rejected() {
    assertThatThrownBy(() -> MethodScopes.builder().require("Search", "search"))
        .hasMessageContaining("method pattern must be");
    assertThatThrownBy(() -> MethodScopes.builder().require("a.B/*/C", "search"))
        .hasMessageContaining("method pattern must be");
    assertThatThrownBy(() -> MethodScopes.builder().require("a.B/C", "two words"))
        .hasMessageContaining("one non-blank word");
    assertThatThrownBy(() -> MethodScopes.builder().require("a.B/C", "x").allowPublic("a.B/C"))
        .hasMessageContaining("listed twice");
  }
}

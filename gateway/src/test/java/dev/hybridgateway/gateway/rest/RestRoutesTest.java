package dev.hybridgateway.gateway.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.hybridgateway.gateway.v1.CollectionServiceGrpc;
import dev.hybridgateway.gateway.v1.SearchRequest;
import dev.hybridgateway.gateway.v1.SearchServiceGrpc;
import io.grpc.MethodDescriptor;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The route table derived from the {@code google.api.http} annotations. */
class RestRoutesTest {
  private final RestRoutes routes = RestRoutes.gateway();

  @Test
  void gateway_everyRpc_hasOneRoute() {
    List<String> methods =
        Stream.of(SearchServiceGrpc.getServiceDescriptor(), CollectionServiceGrpc.getServiceDescriptor())
            .flatMap(service -> service.getMethods().stream())
            .map(MethodDescriptor::getFullMethodName)
            .toList();

    assertThat(routes.routes())
        .extracting(route -> route.method().getFullMethodName())
        .containsExactlyInAnyOrderElementsOf(methods);
  }

  @Test
  void gateway_routes_matchTheAnnotations() {
    assertThat(routes.routes())
        .extracting(route -> route.httpMethod() + " " + route.path() + " body=" + route.body())
        .containsExactlyInAnyOrder(
            "POST /v1/collections/{collection}:search body=*",
            "POST /v1/rerank body=*",
            "POST /v1/collections body=*",
            "GET /v1/collections/{name} body=",
            "GET /v1/collections body=",
            "DELETE /v1/collections/{name} body=",
            "POST /v1/collections/{collection}:upsert body=*");
  }

  @Test
  void lookup_searchPath_bindsTheCollection() {
    RestRoutes.Lookup lookup = routes.lookup("POST", "/v1/collections/docs:search");

    assertThat(lookup).isInstanceOfSatisfying(RestRoutes.Found.class, found -> {
      assertThat(found.route().method()).isEqualTo(SearchServiceGrpc.getSearchMethod());
      assertThat(found.variables()).containsExactly(Map.entry("collection", "docs"));
    });
  }

  @Test
  void lookup_getOnSearchPath_isMethodNotAllowedWithAllow() {
    assertThat(routes.lookup("GET", "/v1/collections/docs:search"))
        .isEqualTo(new RestRoutes.MethodNotAllowed("POST"));
  }

  @Test
  void lookup_unknownPath_isNotFound() {
    assertThat(routes.lookup("GET", "/v2/nothing")).isInstanceOf(RestRoutes.NotFound.class);
    assertThat(routes.lookup("GET", "/v1/collections/a/b")).isInstanceOf(RestRoutes.NotFound.class);
  }

  @Test
  void request_bodyAndPathVariable_pathWins() throws Exception {
    RestRoutes.Found found = (RestRoutes.Found) routes.lookup("POST", "/v1/collections/docs:search");

    SearchRequest request =
        (SearchRequest)
            found.route().request("{\"collection\": \"other\", \"k\": 3}", found.variables());

    assertThat(request.getCollection()).isEqualTo("docs");
    assertThat(request.getK()).isEqualTo(3);
  }

  @Test
  void request_unknownField_isRejected() {
    RestRoutes.Found found = (RestRoutes.Found) routes.lookup("POST", "/v1/collections/docs:search");

    assertThatThrownBy(() -> found.route().request("{\"kk\": 3}", found.variables()))
        .isInstanceOf(InvalidProtocolBufferException.class)
        .hasMessageContaining("kk");
  }

  @Test
  void request_bodyOnRouteWithoutBody_isRejected() {
    RestRoutes.Found found = (RestRoutes.Found) routes.lookup("GET", "/v1/collections/docs");

    assertThatThrownBy(() -> found.route().request("{\"name\": \"x\"}", found.variables()))
        .isInstanceOf(InvalidProtocolBufferException.class)
        .hasMessageContaining("takes no request body");
  }

  @Test
  void pathTemplate_unsupportedForms_areRefused() {
    assertThatThrownBy(() -> PathTemplate.of("/v1/{name=collections/*}"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PathTemplate.of("v1/x")).isInstanceOf(IllegalArgumentException.class);
  }
}

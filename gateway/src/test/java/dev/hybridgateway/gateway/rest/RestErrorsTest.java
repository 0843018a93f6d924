package dev.hybridgateway.gateway.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import com.google.rpc.ResourceInfo;
import com.google.rpc.Status;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each error class as REST renders it: HTTP status and the google.rpc.Status JSON. */
class RestErrorsTest {
  private static RestFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    fixture = RestFixture.start();
    HttpResponse<String> created =
        fixture.post(
            "/v1/collections",
            "{\"name\": \"small\", \"dim\": 4, \"metric\": \"METRIC_L2\","
                + " \"synthetic\": {\"seed\": \"1\", \"count\": \"100\"}}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
  }

  @AfterAll
  static void stop() throws Exception {
    fixture.close();
  }

  private static Status status(HttpResponse<String> http, int httpStatus, Code code) {
    assertThat(http.statusCode()).as(http.body()).isEqualTo(httpStatus);
    assertThat(http.headers().firstValue("content-type")).hasValue(RestResponse.JSON);
    assertThat(http.headers().firstValue("server-timing")).hasValueSatisfying(
        timing -> assertThat(timing).startsWith("total;dur="));
    Status status = RestFixture.parse(http.body(), Status.getDefaultInstance());
    assertThat(status.getCode()).isEqualTo(code.getNumber());
    assertThat(status.getMessage()).isNotEmpty();
    return status;
  }

  private static <T extends com.google.protobuf.Message> T detail(Status status, Class<T> type)
      throws Exception {
    for (Any detail : status.getDetailsList()) {
      if (detail.is(type)) {
        return detail.unpack(type);
      }
    }
    throw new AssertionError("no " + type.getSimpleName() + " in " + status);
  }

  @Test
  void search_unknownCollection_404WithResourceInfo() throws Exception {
    HttpResponse<String> http =
        fixture.post("/v1/collections/missing:search",
            "{\"queries\": [{\"values\": [1, 2, 3, 4]}], \"k\": 3}");

    Status status = status(http, 404, Code.NOT_FOUND);
    assertThat(detail(status, ResourceInfo.class).getResourceName()).isEqualTo("missing");
    assertThat(http.body()).contains("\"@type\": \"type.googleapis.com/google.rpc.ResourceInfo\"");
  }

  @Test
  void search_wrongDims_400WithBadRequestFieldPaths() throws Exception {
    HttpResponse<String> http =
        fixture.post("/v1/collections/small:search",
            "{\"queries\": [{\"values\": [1, 2, 3, 4]}, {\"values\": [1, 2]}], \"k\": 3}");

    Status status = status(http, 400, Code.INVALID_ARGUMENT);
    assertThat(detail(status, BadRequest.class).getFieldViolationsList())
        .extracting(BadRequest.FieldViolation::getField)
        .anySatisfy(field -> assertThat(field).startsWith("queries[1]"));
  }

  @Test
  void search_tinyDeadlineHeader_504() throws Exception {
    HttpResponse<String> http =
        fixture.post("/v1/collections/small:search",
            "{\"queries\": [{\"values\": [1, 2, 3, 4]}], \"k\": 3}",
            RestHeaders.TIMEOUT_MS, "1");

    Status status = status(http, 504, Code.DEADLINE_EXCEEDED);
    assertThat(detail(status, ErrorInfo.class).getMetadataMap()).containsEntry("stage", "edge");
  }

  @Test
  void search_invalidDeadlineHeader_400NamingTheHeader() throws Exception {
    HttpResponse<String> http =
        fixture.post("/v1/collections/small:search", "{}", RestHeaders.TIMEOUT_MS, "soon");

    Status status = status(http, 400, Code.INVALID_ARGUMENT);
    assertThat(detail(status, BadRequest.class).getFieldViolations(0).getField())
        .isEqualTo(RestHeaders.TIMEOUT_MS);
  }

  @Test
  void search_malformedJson_400WithTheParseError() throws Exception {
    HttpResponse<String> http = fixture.post("/v1/collections/small:search", "{\"k\": ");

    Status status = status(http, 400, Code.INVALID_ARGUMENT);
    assertThat(detail(status, ErrorInfo.class).getReason()).isEqualTo("MALFORMED_JSON");
    assertThat(status.getMessage()).contains("hybrid.gateway.v1.SearchRequest");
  }

  @Test
  void search_unknownJsonField_400() throws Exception {
    HttpResponse<String> http = fixture.post("/v1/collections/small:search", "{\"top_k\": 3}");

    Status status = status(http, 400, Code.INVALID_ARGUMENT);
    assertThat(status.getMessage()).contains("top_k");
  }

  @Test
  void create_existingName_409() throws Exception {
    HttpResponse<String> http =
        fixture.post("/v1/collections", "{\"name\": \"small\", \"dim\": 4, \"metric\": \"METRIC_L2\"}");

    Status status = status(http, 409, Code.ALREADY_EXISTS);
    assertThat(detail(status, ResourceInfo.class).getResourceName()).isEqualTo("small");
  }

  @Test
  void unknownPath_404Json() throws Exception {
    Status status = status(fixture.send("GET", "/v2/anything"), 404, Code.NOT_FOUND);
    assertThat(detail(status, ErrorInfo.class).getReason()).isEqualTo("ROUTE_NOT_FOUND");
  }

  @Test
  void wrongMethod_405WithAllow() throws Exception {
    HttpResponse<String> http = fixture.send("PUT", "/v1/collections/small:search");

    status(http, 405, Code.UNIMPLEMENTED);
    assertThat(http.headers().firstValue("allow")).hasValue("POST");
  }
}

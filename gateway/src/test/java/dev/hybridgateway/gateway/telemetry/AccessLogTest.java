package dev.hybridgateway.gateway.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The access log line format (transport-neutral: the REST adapter writes the same line). */
class AccessLogTest {
  @Test
  void format_fullEntry_writesEveryFieldInOrder() {
    AccessLogEntry entry =
        new AccessLogEntry("grpc", "hybrid.gateway.v1.SearchService/Search", "OK", 0, 1_234_567,
            "acme", "ffi", "4bf92f3577b34da6a3ce929d0e0e4736");

    assertThat(AccessLog.format(entry))
        .isEqualTo("protocol=grpc route=hybrid.gateway.v1.SearchService/Search code=OK"
            + " duration_ms=1.234 tenant=acme transport=ffi"
            + " trace_id=4bf92f3577b34da6a3ce929d0e0e4736");
  }

  @Test
  void format_httpEntryWithoutTenantOrTrace_writesStatusAndDashes() {
    AccessLogEntry entry = new AccessLogEntry("http", "r/M", "UNAUTHENTICATED", 401, 50_000,
        null, null, null);

    assertThat(AccessLog.format(entry))
        .isEqualTo("protocol=http route=r/M code=UNAUTHENTICATED http_status=401"
            + " duration_ms=0.050 tenant=- transport=- trace_id=-");
  }

  @Test
  void format_tenantWithNewlineAndQuotes_quotesAndEscapesOnOneLine() {
    AccessLogEntry entry = new AccessLogEntry("grpc", "r/M", "OK", 0, 0,
        "evil\n\"forged\" line=1", null, null);

    String line = AccessLog.format(entry);

    assertThat(line).doesNotContain("\n");
    assertThat(line).contains("tenant=\"evil\\n\\\"forged\\\" line=1\"");
  }
}

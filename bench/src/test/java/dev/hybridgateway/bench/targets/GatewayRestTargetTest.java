package dev.hybridgateway.bench.targets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The core time of a REST answer, read from its Server-Timing header. */
class GatewayRestTargetTest {

  @Test
  void coreNanos_fullHeader_coreEntryInNanos() {
    assertThat(GatewayRestTarget.coreNanos(
        "total;dur=1.234, core;dur=0.800, boundary;dur=0.050, edge;dur=0.384"))
        .isEqualTo(800_000);
  }

  @Test
  void coreNanos_noCoreEntry_unknown() {
    assertThat(GatewayRestTarget.coreNanos("total;dur=1.234")).isEqualTo(-1);
    assertThat(GatewayRestTarget.coreNanos("core;dur=abc")).isEqualTo(-1);
  }
}

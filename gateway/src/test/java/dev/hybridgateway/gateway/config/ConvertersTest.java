package dev.hybridgateway.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConvertersTest {
  @Test
  void duration_unitsAndBareSeconds_parse() {
    assertThat(Converters.duration("250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(Converters.duration("2s")).isEqualTo(Duration.ofSeconds(2));
    assertThat(Converters.duration("5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(Converters.duration("1h")).isEqualTo(Duration.ofHours(1));
    assertThat(Converters.duration("30")).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void duration_unknownUnit_isRejectedWithAnExample() {
    assertThatThrownBy(() -> Converters.duration("3 fortnights"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("500ms");
  }

  @Test
  void address_ipv4Ipv6AndHostName_parse() {
    assertThat(Converters.address("127.0.0.1:8080"))
        .isEqualTo(new InetSocketAddress("127.0.0.1", 8080));
    assertThat(Converters.address("[::1]:0")).isEqualTo(new InetSocketAddress("::1", 0));
    assertThat(Converters.address("localhost:9000").getPort()).isEqualTo(9000);
  }

  @Test
  void address_missingOrBadPort_isRejected() {
    assertThatThrownBy(() -> Converters.address("127.0.0.1"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Converters.address("127.0.0.1:70000"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Converters.address(":8080"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

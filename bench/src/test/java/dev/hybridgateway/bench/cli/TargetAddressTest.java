package dev.hybridgateway.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TargetAddressTest {

  @Test
  void parse_hostPortAndBracketedIpv6() {
    assertThat(TargetAddress.parse("127.0.0.1:50051")).isEqualTo(new TargetAddress("127.0.0.1", 50051));
    assertThat(TargetAddress.parse("[::1]:8080")).isEqualTo(new TargetAddress("::1", 8080));
    assertThat(TargetAddress.parse("[::1]:8080")).hasToString("[::1]:8080");
  }

  @Test
  void checkLoopback_loopbackAddresses_accepted() {
    for (String host : new String[] {"127.0.0.1", "127.1.2.3", "::1", "localhost"}) {
      assertThatCode(() -> new TargetAddress(host, 1).checkLoopback(false)).doesNotThrowAnyException();
    }
  }

  @Test
  void checkLoopback_otherAddress_refusedUnlessAllowed() {
    TargetAddress remote = new TargetAddress("192.0.2.7", 50051);

    assertThatThrownBy(() -> remote.checkLoopback(false))
        .hasMessageContaining("not a loopback address").hasMessageContaining("--allow-remote");
    assertThatCode(() -> remote.checkLoopback(true)).doesNotThrowAnyException();
  }

  @Test
  void parse_missingPort_explains() {
    assertThatThrownBy(() -> TargetAddress.parse("localhost"))
        .hasMessageContaining("HOST:PORT");
  }
}

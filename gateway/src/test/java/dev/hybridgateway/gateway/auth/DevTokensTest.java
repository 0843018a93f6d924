package dev.hybridgateway.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.grpc.StatusRuntimeException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The dev key pair, the tokens minted with it and the {@code token} command. */
class DevTokensTest {
  @TempDir Path dir;

  @Test
  void open_firstTime_writesPrivateKeyOwnerOnlyAndPublicJwks() throws Exception {
    DevTokens tokens = DevTokens.open(dir.resolve("dev"));

    Path privateKey = dir.resolve("dev").resolve(DevTokens.PRIVATE_KEY_FILE);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(privateKey)))
        .isEqualTo("rw-------");
    assertThat(tokens.jwksFile()).isEqualTo(dir.resolve("dev").resolve(DevTokens.JWKS_FILE));
    String jwks = Files.readString(tokens.jwksFile());
    assertThat(jwks).contains(tokens.keyId()).contains("\"n\"").doesNotContain("\"d\"");
    assertThat(dir.resolve("dev")).isDirectoryNotContaining("glob:**.tmp-*");
  }

  @Test
  void open_again_reusesTheKey() {
    String first = DevTokens.open(dir).keyId();

    assertThat(DevTokens.open(dir).keyId()).isEqualTo(first);
  }

  @Test
  void mint_validatesWithDevAuthConfig() {
    DevTokens tokens = DevTokens.open(dir, TestTokens.CLOCK);
    String token = tokens.mint("demo", List.of("search", "collections.read"), Duration.ofHours(1));

    try (Authenticator auth =
        Authenticator.create(tokens.authConfig().build(), TestTokens.CLOCK)) {
      Principal principal = auth.authenticate(RequestHeaders.of(bearer(token)));

      assertThat(principal.tenant()).isEqualTo("demo");
      assertThat(principal.scopes()).containsExactlyInAnyOrder("search", "collections.read");
      assertThat(principal.method()).isEqualTo(AuthMethod.JWT);
    }
  }

  @Test
  void mint_afterTtl_expired() {
    DevTokens tokens = DevTokens.open(dir, TestTokens.CLOCK);
    String token = tokens.mint("demo", List.of("search"), Duration.ofMinutes(1));
    Clock later = Clock.fixed(TestTokens.NOW.plus(Duration.ofMinutes(2)), ZoneOffset.UTC);

    try (Authenticator auth = Authenticator.create(tokens.authConfig().build(), later)) {
      var e =
          catchThrowableOfType(
              StatusRuntimeException.class,
              () -> auth.authenticate(RequestHeaders.of(bearer(token))));
      assertThat(AuthTestServer.errorInfo(e).getReason()).isEqualTo(AuthErrors.TOKEN_EXPIRED);
    }
  }

  @Test
  void tokenCommand_printsTokenThatValidates() {
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new DevTokenCommand());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(new StringWriter()));

    int exit =
        cli.execute(
            "--tenant", "demo", "--scopes", "search,collections.write", "--ttl", "1h",
            "--dev-dir", dir.toString());

    assertThat(exit).isZero();
    String token = out.toString().strip();
    assertThat(token.split("\\.")).hasSize(3);
    try (Authenticator auth = Authenticator.create(DevTokens.open(dir).authConfig().build())) {
      Principal principal = auth.authenticate(RequestHeaders.of(bearer(token)));
      assertThat(principal.tenant()).isEqualTo("demo");
      assertThat(principal.scopes()).containsExactlyInAnyOrder("search", "collections.write");
    }
  }

  @Test
  void tokenCommand_badTtl_usageError() {
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new DevTokenCommand());
    cli.setOut(new PrintWriter(new StringWriter()));
    cli.setErr(new PrintWriter(err));

    int exit = cli.execute("--ttl", "forever", "--dev-dir", dir.toString());

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("--ttl must look like 90s, 15m, 1h, 7d or PT1H");
  }

  @Test
  void ttlConverter_acceptsUnitsAndIso() {
    var converter = new DevTokenCommand.TtlConverter();

    assertThat(converter.convert("90s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(converter.convert("15m")).isEqualTo(Duration.ofMinutes(15));
    assertThat(converter.convert("1h")).isEqualTo(Duration.ofHours(1));
    assertThat(converter.convert("7d")).isEqualTo(Duration.ofDays(7));
    assertThat(converter.convert("PT2H")).isEqualTo(Duration.ofHours(2));
  }

  private static Map<String, String> bearer(String token) {
    return Map.of("authorization", "Bearer " + token);
  }
}

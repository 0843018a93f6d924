package dev.hybridgateway.gateway.auth;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code token}: prints a dev JWT signed with the {@link DevTokens} key, accepted by a gateway
 * running the dev profile. Only the token goes to stdout, so it composes:
 *
 * <pre>
 * TOKEN=$(./hybrid token --tenant demo --scopes search,collections.read --ttl 1h)
 * grpcurl -H "authorization: Bearer $TOKEN" ...
 * </pre>
 */
@Command(
    name = "token",
    mixinStandardHelpOptions = true,
    description = {
      "Prints a dev JWT (RS256, signed with the dev key) for the dev profile's gateway.",
      "The key pair is created on first use in --dev-dir (private key mode 600)."
    })
public final class DevTokenCommand implements Callable<Integer> {
  /** The longest --ttl accepted: dev tokens are short-lived by design. */
  static final Duration MAX_TTL = Duration.ofDays(30);

  @Spec private CommandSpec spec;

  @Option(
      names = "--tenant",
      defaultValue = "demo",
      description = "Tenant (default: ${DEFAULT-VALUE}).")
  private String tenant;

  @Option(
      names = "--scopes",
      split = ",",
      defaultValue = "search,collections.read",
      description = "Comma-separated scopes (default: ${DEFAULT-VALUE}); known: search,"
          + " collections.read, collections.write, admin.")
  private List<String> scopes;

  @Option(
      names = "--ttl",
      defaultValue = "1h",
      converter = TtlConverter.class,
      description = "Lifetime: 90s, 15m, 1h, 7d or ISO-8601 (default: ${DEFAULT-VALUE}).")
  private Duration ttl;

  @Option(
      names = "--subject",
      defaultValue = "dev-user",
      description = "sub (default: ${DEFAULT-VALUE}).")
  private String subject;

  @Option(
      names = "--issuer",
      defaultValue = DevTokens.ISSUER,
      description = "iss (default: ${DEFAULT-VALUE}).")
  private String issuer;

  @Option(
      names = "--audience",
      defaultValue = DevTokens.AUDIENCE,
      description = "aud (default: ${DEFAULT-VALUE}).")
  private String audience;

  @Option(
      names = "--dev-dir",
      description = "Directory of the dev key pair (default: ~/.hybrid-gateway/dev).")
  private Path devDir;

  @Override
  public Integer call() {
    DevTokens tokens = DevTokens.open(devDir != null ? devDir : DevTokens.defaultDirectory());
    List<String> cleaned = scopes.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    String token = tokens.mint(tenant, subject, cleaned, ttl, issuer, audience);
    PrintWriter out = spec.commandLine().getOut();
    out.println(token);
    out.flush();
    PrintWriter err = spec.commandLine().getErr();
    err.printf(
        "# tenant %s, scopes %s, valid %s; the gateway checks it with %s%n",
        tenant, cleaned, ttl, tokens.jwksFile());
    err.flush();
    return 0;
  }

  /** Parses 90s, 15m, 1h, 7d or an ISO-8601 duration; positive and at most {@link #MAX_TTL}. */
  static final class TtlConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      Duration ttl = parse(value.strip().toLowerCase(Locale.ROOT));
      if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_TTL) > 0) {
        throw new TypeConversionException(
            "--ttl must be positive and at most " + MAX_TTL.toDays() + "d: " + value);
      }
      return ttl;
    }

    private static Duration parse(String value) {
      try {
        if (value.startsWith("p")) {
          return Duration.parse(value.toUpperCase(Locale.ROOT));
        }
        long amount = Long.parseLong(value.substring(0, value.length() - 1));
        return switch (value.charAt(value.length() - 1)) {
          case 's' -> Duration.ofSeconds(amount);
          case 'm' -> Duration.ofMinutes(amount);
          case 'h' -> Duration.ofHours(amount);
          case 'd' -> Duration.ofDays(amount);
          default -> throw new NumberFormatException();
        };
      } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
        throw new TypeConversionException(
            "--ttl must look like 90s, 15m, 1h, 7d or PT1H, not '" + value + "'");
      }
    }
  }
}

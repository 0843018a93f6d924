package dev.hybridgateway.gateway.config;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Command-line value types, written the way the Rust core's flags are: durations as {@code
 * 500ms}, {@code 2s}, {@code 1m} (a bare number is seconds), addresses as {@code host:port} or
 * {@code [v6]:port}.
 */
public final class Converters {
  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");
  private static final Pattern ADDRESS = Pattern.compile("\\[?([^\\[\\]]*?)]?:(\\d{1,5})");

  private Converters() {}

  /** Parses {@code 250ms}, {@code 2s}, {@code 5m}, {@code 1h} or {@code 30} (seconds). */
  public static Duration duration(String value) {
    Matcher m = DURATION.matcher(value.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "expected a duration like 500ms, 2s or 1m, got '" + value + "'");
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    return switch (unit) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      default -> Duration.ofHours(n);
    };
  }

  /** Parses {@code host:port} or {@code [v6-address]:port}; port 0 picks a free port. */
  public static InetSocketAddress address(String value) {
    Matcher m = ADDRESS.matcher(value.trim());
    boolean valid =
        m.matches() && !m.group(1).isEmpty() && Integer.parseInt(m.group(2)) <= 65535;
    if (!valid) {
      throw new IllegalArgumentException(
          "expected HOST:PORT like 127.0.0.1:8080 or [::1]:8080, got '" + value + "'");
    }
    return new InetSocketAddress(m.group(1), Integer.parseInt(m.group(2)));
  }

  /** picocli converter for {@link #duration(String)}. */
  public static final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      try {
        return duration(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** picocli converter for {@link #address(String)}. */
  public static final class AddressConverter implements ITypeConverter<InetSocketAddress> {
    @Override
    public InetSocketAddress convert(String value) {
      try {
        return address(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}

package dev.hybridgateway.bench.cli;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A {@code host:port} to load ({@code [::1]:50051} for IPv6), and the loopback-only policy: load
 * is sent to this machine only unless the user passes {@code --allow-remote} for a host they own,
 * because a load generator pointed at the wrong address is a denial-of-service tool.
 */
public record TargetAddress(String host, int port) {
  public TargetAddress {
    requireNonNull(host, "host");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
  }

  /** Parses {@code host:port} or {@code [v6]:port}. */
  public static TargetAddress parse(String text) {
    requireNonNull(text, "text");
    int colon = text.lastIndexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      throw new IllegalArgumentException("expected HOST:PORT, e.g. 127.0.0.1:50051: " + text);
    }
    String host = text.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    try {
      return new TargetAddress(host, Integer.parseInt(text.substring(colon + 1)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a port in " + text, e);
    }
  }

  /**
   * Throws unless every address {@code host} resolves to is a loopback address, or
   * {@code allowRemote} is set.
   */
  public void checkLoopback(boolean allowRemote) {
    if (allowRemote) {
      return;
    }
    InetAddress[] resolved;
    try {
      resolved = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("cannot resolve " + host, e);
    }
    if (!Arrays.stream(resolved).allMatch(InetAddress::isLoopbackAddress)) {
      throw new IllegalArgumentException(
          "refusing to load " + host + " ("
              + Arrays.stream(resolved).map(InetAddress::getHostAddress).collect(Collectors.joining(", "))
              + "): it is not a loopback address. The load generator targets this machine"
              + " (127.0.0.1, ::1, localhost) unless you pass --allow-remote for a host you own.");
    }
  }

  @Override
  public String toString() {
    return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
  }
}

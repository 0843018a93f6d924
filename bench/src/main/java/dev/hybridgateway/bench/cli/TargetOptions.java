package dev.hybridgateway.bench.cli;

import static java.util.Objects.requireNonNull;

/**
 * What the command line says about reaching a target.
 *
 * @param address where the core listens (already checked against the loopback policy)
 * @param gateway where the gateway's gRPC API listens (checked likewise)
 * @param rest where the gateway's REST API listens (checked likewise)
 * @param token the bearer token sent to the gateway, or null to send none
 * @param connections HTTP/2 connections to spread requests over
 * @param collection the collection search scenarios use
 * @param createCollection whether a missing collection is created before the run
 */
public record TargetOptions(
    TargetAddress address,
    TargetAddress gateway,
    TargetAddress rest,
    String token,
    int connections,
    String collection,
    boolean createCollection) {
  public TargetOptions {
    requireNonNull(address, "address");
    requireNonNull(gateway, "gateway");
    requireNonNull(rest, "rest");
    requireNonNull(collection, "collection");
    if (connections < 1) {
      throw new IllegalArgumentException("connections must be >= 1: " + connections);
    }
  }
}

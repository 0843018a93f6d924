package dev.hybridgateway.bench.cli;

import static java.util.Objects.requireNonNull;

/**
 * What the command line says about reaching a target.
 *
 * @param address where the target listens (already checked against the loopback policy)
 * @param connections HTTP/2 connections to spread requests over
 * @param collection the collection search scenarios use
 * @param createCollection whether a missing collection is created before the run
 */
public record TargetOptions(
    TargetAddress address, int connections, String collection, boolean createCollection) {
  public TargetOptions {
    requireNonNull(address, "address");
    requireNonNull(collection, "collection");
    if (connections < 1) {
      throw new IllegalArgumentException("connections must be >= 1: " + connections);
    }
  }
}

package dev.hybridgateway.interop;

import static java.util.Objects.requireNonNull;

import dev.hybridgateway.gateway.core.CoreClient;
import dev.hybridgateway.gateway.core.ffi.FfiCoreClient;
import io.grpc.Channel;

/**
 * One thing the catalogue runs against, and what it exposes beyond the calls under test. The
 * {@code require*} accessors throw {@link CaseSkipped} naming what is missing, so a case that
 * needs, say, the core's counters is skipped (not failed) on a target that does not expose them.
 *
 * @param kind which transport or edge
 * @param address where it is, for reports (e.g. {@code 127.0.0.1:50051} or {@code in-process})
 * @param core the client whose calls are under test (for the gateway: an adapter of its API)
 * @param setup the client that creates the collections the cases need (the core behind a gateway
 *     when it is known, else {@code core})
 * @param stats the client that answers GetStats for the engine doing the work, or null
 * @param ffi the FFI client (raw calls, test panics), or null
 * @param rawChannel a channel to send raw bytes to the target's gRPC methods, or null
 * @param testHooks whether the engine was started with its test hooks (forced panics)
 * @param traces what observes the edge's spans and the core's trace reports, or null
 */
public record InteropTarget(
    TargetKind kind,
    String address,
    CoreClient core,
    CoreClient setup,
    CoreClient stats,
    FfiCoreClient ffi,
    Channel rawChannel,
    boolean testHooks,
    TraceProbe traces) {

  public InteropTarget {
    requireNonNull(kind, "kind");
    requireNonNull(address, "address");
    requireNonNull(core, "core");
    requireNonNull(setup, "setup");
  }

  /** A target without a trace probe. */
  public InteropTarget(TargetKind kind, String address, CoreClient core, CoreClient setup,
      CoreClient stats, FfiCoreClient ffi, Channel rawChannel, boolean testHooks) {
    this(kind, address, core, setup, stats, ffi, rawChannel, testHooks, null);
  }

  /** A core-client target: the client answers its own setup and GetStats. */
  public static InteropTarget ofCore(
      TargetKind kind, String address, CoreClient core, Channel rawChannel, boolean testHooks) {
    FfiCoreClient ffi = core instanceof FfiCoreClient f ? f : null;
    return new InteropTarget(kind, address, core, core, core, ffi, rawChannel, testHooks);
  }

  /** The same target with the client under test replaced (e.g. by a deliberately broken decorator). */
  public InteropTarget withCore(CoreClient replacement) {
    return new InteropTarget(
        kind, address, replacement, setup, stats, ffi, rawChannel, testHooks, traces);
  }

  /** The same target observed by {@code probe}. */
  public InteropTarget withTraces(TraceProbe probe) {
    return new InteropTarget(kind, address, core, setup, stats, ffi, rawChannel, testHooks, probe);
  }

  /** The GetStats client, or skips the case. */
  public CoreClient requireStats() {
    if (stats == null) {
      throw new CaseSkipped("the core's counters (GetStats) are not reachable from " + this);
    }
    return stats;
  }

  /** The FFI client, or skips the case. */
  public FfiCoreClient requireFfi() {
    if (ffi == null) {
      throw new CaseSkipped("raw FFI calls need the in-process FFI client");
    }
    return ffi;
  }

  /** The raw gRPC channel, or skips the case. */
  public Channel requireRawChannel() {
    if (rawChannel == null) {
      throw new CaseSkipped(this + " has no gRPC channel for raw bytes");
    }
    return rawChannel;
  }

  @Override
  public String toString() {
    return kind.id() + "@" + address;
  }
}

package dev.hybridgateway.interop;

import static dev.hybridgateway.interop.InteropGroup.CANCELLATION;
import static dev.hybridgateway.interop.InteropGroup.DEADLINES;
import static dev.hybridgateway.interop.InteropGroup.ERRORS;
import static dev.hybridgateway.interop.InteropGroup.OFFICIAL;
import static dev.hybridgateway.interop.InteropGroup.RESULTS;
import static dev.hybridgateway.interop.InteropGroup.ROBUSTNESS;
import static dev.hybridgateway.interop.InteropGroup.TRACE;
import static dev.hybridgateway.interop.TargetKind.FFI;
import static dev.hybridgateway.interop.TargetKind.GATEWAY;
import static dev.hybridgateway.interop.TargetKind.GRPC;
import static dev.hybridgateway.interop.TargetKind.JAVA;
import static dev.hybridgateway.interop.TargetKind.REST;

import dev.hybridgateway.core.v1.GetCollectionRequest;
import dev.hybridgateway.core.v1.UpsertVectorsRequest;
import dev.hybridgateway.interop.official.OfficialInteropCase;
import io.grpc.Status.Code;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The catalogue of interop cases, like grpc-java's {@code TestCases}: each constant names one
 * behaviour of the boundary, says what it proves, and lists the targets it applies to. The
 * in-build runner ({@code InteropCatalogueTest}) and the external runner ({@link InteropMain})
 * both iterate over it. The OFFICIAL group is grpc-java's own interop client, one constant per
 * {@link OfficialInteropCase}.
 */
public enum InteropCase {
  SEARCH_SHARED_VECTORS(RESULTS, "shared search vectors: same ids, bit-identical scores",
      all(), ResultCases::searchSharedVectors),
  RERANK_SHARED_VECTORS(RESULTS, "shared rerank vectors: same ids and score bits, or same error",
      all(), ResultCases::rerankSharedVectors),
  EXTREME_FLOATS_BIT_EXACT(RESULTS,
      "-0.0, subnormals and ±MAX_VALUE cross bit-exact: scores equal the Java engine's bits",
      all(), ResultCases::extremeFloatsBitExact),
  ERROR_NAN_AND_INFINITY(ERRORS, "NaN, +Inf, -Inf → INVALID_ARGUMENT, BadRequest queries[1].values[i]",
      all(), ErrorCases::nonFiniteRejected),
  ERROR_UNKNOWN_COLLECTION(ERRORS, "unknown collection → NOT_FOUND + ResourceInfo, same details",
      all(), ctx -> ErrorCases.sameStatusAsOracle(ctx, Code.NOT_FOUND,
          core -> core.search(Fixtures.paritySearch().setCollection("no-such-collection").build()))),
  ERROR_COLLECTION_EXISTS(ERRORS, "existing collection → ALREADY_EXISTS + ResourceInfo, same details",
      all(), ctx -> ErrorCases.sameStatusAsOracle(ctx, Code.ALREADY_EXISTS,
          core -> core.createCollection(Fixtures.parity()))),
  ERROR_WRONG_DIMENSIONS(ERRORS, "query of the wrong dimension → INVALID_ARGUMENT + BadRequest",
      all(), ctx -> ErrorCases.sameStatusAsOracle(ctx, Code.INVALID_ARGUMENT,
          core -> core.search(Fixtures.paritySearch()
              .setQueries(0, Fixtures.vector(Fixtures.DIM + 3, 0.5f)).build()))),
  ERROR_K_OUT_OF_RANGE(ERRORS, "k = 0 → INVALID_ARGUMENT + BadRequest, same details",
      all(), ctx -> ErrorCases.sameStatusAsOracle(ctx, Code.INVALID_ARGUMENT,
          core -> core.search(Fixtures.paritySearch().setK(0).build()))),
  ERROR_EMPTY_BATCH(ERRORS, "no queries → INVALID_ARGUMENT + BadRequest, same details",
      all(), ctx -> ErrorCases.sameStatusAsOracle(ctx, Code.INVALID_ARGUMENT,
          core -> core.search(Fixtures.paritySearch().clearQueries().build()))),
  ERROR_RAGGED_CANDIDATES(ERRORS, "rerank candidates of mixed dimensions → INVALID_ARGUMENT",
      all(), ctx -> ErrorCases.sameStatusAsOracle(ctx, Code.INVALID_ARGUMENT,
          core -> core.rerank(ErrorCases.raggedRerank()))),
  ERROR_UPSERT_WRONG_DIMENSIONS(ERRORS, "upsert of the wrong dimension → INVALID_ARGUMENT",
      core(), ctx -> ErrorCases.sameStatusAsOracle(ctx, Code.INVALID_ARGUMENT,
          core -> core.upsertVectors(UpsertVectorsRequest.newBuilder()
              .setCollection(Fixtures.PARITY).addIds(3)
              .addVectors(Fixtures.vector(Fixtures.DIM - 1, 1f)).build()))),
  ERROR_GET_UNKNOWN_COLLECTION(ERRORS, "GetCollection of an unknown name → NOT_FOUND",
      all(), ctx -> ErrorCases.sameStatusAsOracle(ctx, Code.NOT_FOUND,
          core -> core.getCollection(GetCollectionRequest.newBuilder().setName("missing").build()))),
  ERROR_UNAUTHENTICATED(ERRORS,
      "no credentials, or a token that is no JWT → UNAUTHENTICATED + ErrorInfo (REST: 401)",
      EnumSet.of(GATEWAY, REST), ErrorCases::unauthenticatedRejected),
  MESSAGE_SIZE_OVER_LIMIT(ERRORS,
      "a 70 MB request: tonic OUT_OF_RANGE, grpc-java RESOURCE_EXHAUSTED, FFI no limit",
      EnumSet.of(FFI, GRPC, GATEWAY, REST), MessageSizeCases::overLimitDocumentedCode),
  DEADLINE_MID_COMPUTE(DEADLINES,
      "deadline passes mid-scan → DEADLINE_EXCEEDED + stage, core counters show it stopped",
      all(), DeadlineCases::midComputeStopsCore),
  DEADLINE_NEVER_LATE(DEADLINES, "no answer later than deadline + tolerance (5 deadlines)",
      all(), DeadlineCases::neverLaterThanDeadline),
  DEADLINE_EXPIRED_BEFORE_DISPATCH(DEADLINES,
      "deadline already passed → DEADLINE_EXCEEDED, the core scans nothing",
      all(), DeadlineCases::expiredBeforeDispatch),
  CANCEL_STOPS_CORE(CANCELLATION, "caller cancels mid-scan → CANCELLED, core counters show it stopped",
      all(), CancellationCases::cancelStopsCore),
  TRUNCATED_PROTOBUF(ROBUSTNESS, "a truncated Search request → decode error, still serving",
      EnumSet.of(FFI, GRPC, REST), ctx -> RobustnessCases.badBytesRejected(
          ctx, RobustnessCases.truncated(), RobustnessCases.truncatedJson(), "truncated")),
  GARBAGE_PROTOBUF(ROBUSTNESS, "64 bytes of 0xFF as a Search request → decode error, still serving",
      EnumSet.of(FFI, GRPC, REST), ctx -> RobustnessCases.badBytesRejected(
          ctx, RobustnessCases.garbage(), RobustnessCases.garbage(), "garbage")),
  PANIC_BECOMES_INTERNAL(ROBUSTNESS, "forced Rust panic → INTERNAL, the engine keeps serving",
      EnumSet.of(FFI, GRPC), RobustnessCases::panicBecomesInternal),
  FFI_NO_LEAKED_BUFFERS(ROBUSTNESS, "500 FFI calls (100 failing) leave no Rust-owned buffer behind",
      EnumSet.of(FFI), RobustnessCases::noLeakedNativeBuffers),
  NATIVE_MEMORY_STABLE(ROBUSTNESS,
      "9,000 FFI calls (a third failing) after warm-up: native RSS within 32 MiB, no live buffer",
      EnumSet.of(FFI), NativeMemoryCases::rssStableOverLongRun),
  CONCURRENT_CALLS(ROBUSTNESS, "8 threads × 25 calls at once, every answer equals the Java engine's",
      all(), RobustnessCases::concurrentCallsCorrect),
  TRACE_EDGE_TO_CORE(TRACE,
      "the caller's traceparent: the edge's server and core-call spans and the core's log share it",
      EnumSet.of(FFI, GATEWAY, REST), TraceCases::edgeTraceReachesCore),
  OFFICIAL_EMPTY_UNARY(OfficialInteropCase.EMPTY_UNARY),
  OFFICIAL_LARGE_UNARY(OfficialInteropCase.LARGE_UNARY),
  OFFICIAL_CLIENT_STREAMING(OfficialInteropCase.CLIENT_STREAMING),
  OFFICIAL_SERVER_STREAMING(OfficialInteropCase.SERVER_STREAMING),
  OFFICIAL_PING_PONG(OfficialInteropCase.PING_PONG),
  OFFICIAL_EMPTY_STREAM(OfficialInteropCase.EMPTY_STREAM),
  OFFICIAL_STATUS_CODE_AND_MESSAGE(OfficialInteropCase.STATUS_CODE_AND_MESSAGE),
  OFFICIAL_SPECIAL_STATUS_MESSAGE(OfficialInteropCase.SPECIAL_STATUS_MESSAGE),
  OFFICIAL_CUSTOM_METADATA(OfficialInteropCase.CUSTOM_METADATA),
  OFFICIAL_UNIMPLEMENTED_METHOD(OfficialInteropCase.UNIMPLEMENTED_METHOD),
  OFFICIAL_UNIMPLEMENTED_SERVICE(OfficialInteropCase.UNIMPLEMENTED_SERVICE),
  OFFICIAL_CANCEL_AFTER_BEGIN(OfficialInteropCase.CANCEL_AFTER_BEGIN),
  OFFICIAL_CANCEL_AFTER_FIRST_RESPONSE(OfficialInteropCase.CANCEL_AFTER_FIRST_RESPONSE),
  OFFICIAL_TIMEOUT_ON_SLEEPING_SERVER(OfficialInteropCase.TIMEOUT_ON_SLEEPING_SERVER);

  private final InteropGroup group;
  private final String description;
  private final Set<TargetKind> targets;
  private final Body body;

  InteropCase(InteropGroup group, String description, Set<TargetKind> targets, Body body) {
    this.group = group;
    this.description = description;
    this.targets = targets;
    this.body = body;
  }

  /** One of grpc-java's official cases, against the gRPC servers (core and gateway). */
  InteropCase(OfficialInteropCase official) {
    this(OFFICIAL, "grpc-java interop " + official.testCaseName() + ": " + official.description(),
        EnumSet.of(GRPC, GATEWAY), ctx -> OfficialCases.run(ctx, official));
  }

  /** The code of one case against one target; throws AssertionError or {@link CaseSkipped}. */
  @FunctionalInterface
  public interface Body {
    void run(CaseContext ctx) throws Exception;
  }

  public InteropGroup group() {
    return group;
  }

  public String description() {
    return description;
  }

  /** Whether the case applies to {@code kind} at all (otherwise it is not listed for it). */
  public boolean appliesTo(TargetKind kind) {
    return targets.contains(kind);
  }

  /** The snake_case name shown in reports, as grpc-java names its cases. */
  public String caseName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Runs the case; failures are thrown. */
  public void run(CaseContext ctx) throws Exception {
    body.run(ctx);
  }

  private static Set<TargetKind> all() {
    return EnumSet.allOf(TargetKind.class);
  }

  private static Set<TargetKind> core() {
    return EnumSet.of(JAVA, FFI, GRPC);
  }
}

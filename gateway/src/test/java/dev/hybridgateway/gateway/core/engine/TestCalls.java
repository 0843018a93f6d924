package dev.hybridgateway.gateway.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import com.google.rpc.Status;
import dev.hybridgateway.core.v1.CreateCollectionRequest;
import dev.hybridgateway.core.v1.Metric;
import dev.hybridgateway.core.v1.SearchRequest;
import dev.hybridgateway.core.v1.ShardSpec;
import dev.hybridgateway.core.v1.SyntheticSource;
import dev.hybridgateway.core.v1.Vector;
import dev.hybridgateway.gateway.core.CoreErrors;
import dev.hybridgateway.gateway.core.CoreReply;
import io.grpc.Context;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** Request builders and Status readers shared by the engine tests. */
final class TestCalls {
  private TestCalls() {}

  static Vector vector(float... values) {
    Vector.Builder v = Vector.newBuilder();
    for (float x : values) {
      v.addValues(x);
    }
    return v.build();
  }

  static Vector filled(int dim, float value) {
    float[] values = new float[dim];
    java.util.Arrays.fill(values, value);
    return vector(values);
  }

  static CreateCollectionRequest synthetic(
      String name, int dim, Metric metric, long seed, long count, ShardSpec shard) {
    CreateCollectionRequest.Builder req =
        CreateCollectionRequest.newBuilder()
            .setName(name)
            .setDim(dim)
            .setMetric(metric)
            .setSynthetic(SyntheticSource.newBuilder().setSeed(seed).setCount(count));
    if (shard != null) {
      req.setShard(shard);
    }
    return req.build();
  }

  static SearchRequest search(String collection, int k, List<Vector> queries) {
    return SearchRequest.newBuilder()
        .setCollection(collection)
        .setK(k)
        .addAllQueries(queries)
        .build();
  }

  /** Makes a call with {@code context} as the current Context (its deadline and cancellation). */
  static <T> T within(Context context, Supplier<T> call) {
    Context previous = context.attach();
    try {
      return call.get();
    } finally {
      context.detach(previous);
    }
  }

  /** The response of a call that must succeed. */
  static <T> T ok(CompletableFuture<CoreReply<T>> call) {
    return call.join().response();
  }

  /** The google.rpc.Status of a call that must fail. */
  static Status failure(CompletableFuture<?> call) {
    Throwable thrown = catchThrowable(call::join);
    assertThat(thrown).as("the call must fail").isNotNull();
    return CoreErrors.toStatus(thrown);
  }

  static <T extends Message> T detail(Status status, Class<T> type) {
    for (Any any : status.getDetailsList()) {
      if (any.is(type)) {
        try {
          return any.unpack(type);
        } catch (InvalidProtocolBufferException e) {
          throw new AssertionError(e);
        }
      }
    }
    throw new AssertionError("no " + type.getSimpleName() + " in " + status);
  }

  static List<String> typeUrls(Status status) {
    return status.getDetailsList().stream().map(Any::getTypeUrl).toList();
  }

  /** Asserts INVALID_ARGUMENT with {@code reason} and exactly these BadRequest field paths. */
  static void assertInvalid(CompletableFuture<?> call, String reason, String... fields) {
    Status status = failure(call);
    assertThat(status.getCode()).as(status.toString()).isEqualTo(3);
    ErrorInfo info = detail(status, ErrorInfo.class);
    assertThat(info.getReason()).as(status.toString()).isEqualTo(reason);
    assertThat(info.getDomain()).isEqualTo("core.hybridgateway.dev");
    assertThat(detail(status, BadRequest.class).getFieldViolationsList())
        .extracting(BadRequest.FieldViolation::getField)
        .as(status.toString())
        .containsExactly(fields);
    assertThat(typeUrls(status))
        .containsExactly(
            "type.googleapis.com/google.rpc.ErrorInfo",
            "type.googleapis.com/google.rpc.BadRequest");
  }
}

package dev.hybridgateway.bench.scenario;

import static java.util.Objects.requireNonNull;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.protobuf.Message;
import dev.hybridgateway.core.v1.RerankRequest;
import dev.hybridgateway.core.v1.SearchRequest;
import dev.hybridgateway.core.v1.Vector;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * One request of a workload in the forms external tools read, so that ghz, h2load and wrk send
 * the very bytes the load generator sends: the gRPC length-prefixed frame (h2load's
 * {@code -d}), and protobuf JSON (ghz's {@code -D}; the REST body, whose path carries the
 * collection). Floats print with {@link Float#toString}, which round-trips every float32 exactly.
 */
public final class Payloads {
  private Payloads() {}

  /** Request {@code index} of {@code workload}. */
  public static Message request(Workload workload, long index) {
    return switch (requireNonNull(workload, "workload")) {
      case Workload.Search search -> search.request(index);
      case Workload.Rerank rerank -> rerank.request(index);
    };
  }

  /** The gRPC message frame: flag 0 (uncompressed), 4-byte big-endian length, the message. */
  public static byte[] grpcFrame(Message message) {
    byte[] body = message.toByteArray();
    return ByteBuffer.allocate(5 + body.length).put((byte) 0).putInt(body.length).put(body).array();
  }

  /** The protobuf JSON of a Search or Rerank request. */
  public static String json(Message message) {
    JsonObject json = new JsonObject();
    switch (message) {
      case SearchRequest search -> {
        json.addProperty("collection", search.getCollection());
        json.addProperty("k", search.getK());
        json.add("queries", vectors(search.getQueriesList()));
      }
      case RerankRequest rerank -> {
        json.addProperty("k", rerank.getK());
        json.addProperty("metric", rerank.getMetric().name());
        json.add("queries", vectors(rerank.getQueriesList()));
        json.add("candidates", vectors(rerank.getCandidatesList()));
      }
      default -> throw new IllegalArgumentException("not a workload request: " + message.getClass());
    }
    return new GsonBuilder().disableHtmlEscaping().create().toJson(json);
  }

  private static JsonArray vectors(List<Vector> vectors) {
    JsonArray array = new JsonArray();
    for (Vector vector : vectors) {
      JsonArray values = new JsonArray();
      vector.getValuesList().forEach(values::add);
      JsonObject object = new JsonObject();
      object.add("values", values);
      array.add(object);
    }
    return array;
  }
}

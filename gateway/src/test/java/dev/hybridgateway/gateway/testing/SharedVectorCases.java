package dev.hybridgateway.gateway.testing;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.hybridgateway.core.v1.CreateCollectionRequest;
import dev.hybridgateway.core.v1.IdFilter;
import dev.hybridgateway.core.v1.Metric;
import dev.hybridgateway.core.v1.Neighbors;
import dev.hybridgateway.core.v1.RerankRequest;
import dev.hybridgateway.core.v1.ScoredId;
import dev.hybridgateway.core.v1.SearchRequest;
import dev.hybridgateway.core.v1.ShardSpec;
import dev.hybridgateway.core.v1.SyntheticSource;
import dev.hybridgateway.core.v1.Vector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the shared test vectors of interop-tests/vectors (format in its README): floats are
 * IEEE-754 bit patterns in hex, so expectations are bit-exact. Every client's tests (and the
 * interop suite, through the gateway test-jar) read the cases from here.
 */
public final class SharedVectorCases {
  private SharedVectorCases() {}

  /** One expected hit: id and the bits of the score. */
  public record Hit(long id, int scoreBits) {}

  /** A Search case: the collection to create, the request, one hit list per query. */
  public record SearchCase(
      String name, CreateCollectionRequest collection, SearchRequest request,
      List<List<Hit>> expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** The error a case expects: gRPC code, ErrorInfo reason, BadRequest field paths in order. */
  public record ExpectedError(int code, String reason, List<String> fields) {}

  /** A Rerank case with either expected hits or an expected error. */
  public record RerankCase(
      String name, RerankRequest request, List<List<Hit>> expected, ExpectedError error) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** The hits of each query of a response, scores as raw bits, to compare with a case. */
  public static List<List<Hit>> hits(List<Neighbors> results) {
    List<List<Hit>> out = new ArrayList<>();
    for (Neighbors neighbors : results) {
      List<Hit> hits = new ArrayList<>();
      for (ScoredId hit : neighbors.getHitsList()) {
        hits.add(new Hit(hit.getId(), Float.floatToRawIntBits(hit.getScore())));
      }
      out.add(hits);
    }
    return out;
  }

  public static List<SearchCase> searchCases() {
    List<SearchCase> cases = new ArrayList<>();
    JsonArray all = cases("search.json");
    for (int i = 0; i < all.size(); i++) {
      JsonObject c = all.get(i).getAsJsonObject();
      JsonObject spec = c.getAsJsonObject("collection");
      JsonObject shard = spec.getAsJsonObject("shard");
      String collection = "vectors-" + i;
      CreateCollectionRequest create =
          CreateCollectionRequest.newBuilder()
              .setName(collection)
              .setDim(spec.get("dim").getAsInt())
              .setMetric(Metric.valueOf(spec.get("metric").getAsString()))
              .setShard(ShardSpec.newBuilder()
                  .setIndex(shard.get("index").getAsInt())
                  .setCount(shard.get("count").getAsInt()))
              .setSynthetic(SyntheticSource.newBuilder()
                  .setSeed(Long.parseUnsignedLong(spec.get("seed").getAsString(), 16))
                  .setCount(spec.get("count").getAsLong())
                  .setClusters(spec.get("clusters").getAsInt()))
              .build();
      SearchRequest.Builder search =
          SearchRequest.newBuilder().setCollection(collection).setK(c.get("k").getAsInt());
      c.getAsJsonArray("queries").forEach(q -> search.addQueries(vector(q)));
      if (c.has("filter")) {
        IdFilter.Builder filter = IdFilter.newBuilder();
        c.getAsJsonArray("filter").forEach(id -> filter.addIds(id.getAsLong()));
        search.setFilter(filter);
      }
      cases.add(new SearchCase(
          c.get("name").getAsString(), create, search.build(), hits(c.getAsJsonArray("expected"))));
    }
    return cases;
  }

  public static List<RerankCase> rerankCases() {
    List<RerankCase> cases = new ArrayList<>();
    for (JsonElement element : cases("rerank.json")) {
      JsonObject c = element.getAsJsonObject();
      RerankRequest.Builder rerank =
          RerankRequest.newBuilder()
              .setK(c.get("k").getAsInt())
              .setMetric(Metric.valueOf(c.get("metric").getAsString()));
      c.getAsJsonArray("queries").forEach(q -> rerank.addQueries(vector(q)));
      c.getAsJsonArray("candidates").forEach(v -> rerank.addCandidates(vector(v)));
      c.getAsJsonArray("candidate_ids").forEach(id -> rerank.addCandidateIds(id.getAsLong()));
      ExpectedError error = null;
      if (c.has("expected_error")) {
        JsonObject e = c.getAsJsonObject("expected_error");
        List<String> fields = new ArrayList<>();
        e.getAsJsonArray("fields").forEach(f -> fields.add(f.getAsString()));
        error = new ExpectedError(e.get("code").getAsInt(), e.get("reason").getAsString(), fields);
      }
      List<List<Hit>> expected = c.has("expected") ? hits(c.getAsJsonArray("expected")) : null;
      cases.add(new RerankCase(c.get("name").getAsString(), rerank.build(), expected, error));
    }
    return cases;
  }

  private static List<List<Hit>> hits(JsonArray lists) {
    List<List<Hit>> all = new ArrayList<>();
    for (JsonElement list : lists) {
      List<Hit> hits = new ArrayList<>();
      for (JsonElement hit : list.getAsJsonArray()) {
        JsonObject h = hit.getAsJsonObject();
        hits.add(new Hit(h.get("id").getAsLong(),
            Integer.parseUnsignedInt(h.get("score").getAsString(), 16)));
      }
      all.add(hits);
    }
    return all;
  }

  private static Vector vector(JsonElement hex) {
    Vector.Builder vector = Vector.newBuilder();
    for (String bits : hex.getAsString().split(" ")) {
      if (!bits.isEmpty()) {
        vector.addValues(Float.intBitsToFloat(Integer.parseUnsignedInt(bits, 16)));
      }
    }
    return vector.build();
  }

  private static JsonArray cases(String file) {
    Path dir = Path.of(System.getProperty("hotpath.vectors.dir", "../interop-tests/vectors"));
    try {
      String json = Files.readString(dir.resolve(file));
      JsonObject root = JsonParser.parseString(json).getAsJsonObject();
      return root.getAsJsonObject("data").getAsJsonArray("cases");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read test vectors " + dir.resolve(file), e);
    }
  }
}

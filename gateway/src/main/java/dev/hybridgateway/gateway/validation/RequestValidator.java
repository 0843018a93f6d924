package dev.hybridgateway.gateway.validation;

import static java.util.Objects.requireNonNull;

import build.buf.protovalidate.Config;
import build.buf.protovalidate.ValidationResult;
import build.buf.protovalidate.Validator;
import build.buf.protovalidate.ValidatorFactory;
import build.buf.protovalidate.Violation;
import build.buf.protovalidate.exceptions.ValidationException;
import com.google.protobuf.Message;
import dev.hybridgateway.core.v1.CollectionInfo;
import dev.hybridgateway.core.v1.Metric;
import dev.hybridgateway.gateway.core.CoreErrors;
import dev.hybridgateway.gateway.v1.RerankRequest;
import dev.hybridgateway.gateway.v1.SearchRequest;
import dev.hybridgateway.gateway.v1.UpsertVectorsRequest;
import java.util.concurrent.CompletableFuture;

/**
 * Validates a public request before anything else is spent on it. {@link #validate} runs the
 * protovalidate rules of the .proto, then the semantic checks: finite values, Rerank's queries and
 * candidates of one dim with as many ids as candidates, Upsert's ids and vectors in equal number,
 * and — when the collection's info is cached — the dims of Search queries and Upsert vectors and
 * Search's metric. {@link #validateAsync} also loads the collection's info when it is not cached,
 * so the dims are always checked. Failures are INVALID_ARGUMENT + BadRequest; an unknown
 * collection is the loader's NOT_FOUND.
 *
 * <pre>{@code
 * RequestValidator validator = RequestValidator.of(CollectionInfoCache.of(core, 1024));
 * validator.validateAsync(request).thenCompose(ok -> ...);
 * }</pre>
 */
public final class RequestValidator {
  /**
   * Native rules: protovalidate evaluates the standard rules (sizes, ranges, patterns) in Java
   * instead of CEL. Same results (its conformance suite passes in both modes), but a Search of one
   * 384-value query validated in ~40 µs through CEL, a quarter of the edge's budget.
   */
  private final Validator rules =
      ValidatorFactory.newBuilder()
          .withConfig(Config.newBuilder().setEnableNativeRules(true).build())
          .build();
  private final CollectionInfoCache collections;

  private RequestValidator(CollectionInfoCache collections) {
    this.collections = requireNonNull(collections, "collections");
  }

  public static RequestValidator of(CollectionInfoCache collections) {
    return new RequestValidator(collections);
  }

  /** The cache this validator reads (shared with the fan-out for the collection's metric). */
  public CollectionInfoCache collections() {
    return collections;
  }

  /** Throws INVALID_ARGUMENT with BadRequest when {@code message} breaks a rule. */
  public void validate(Message message) {
    requireNonNull(message, "message");
    FieldViolations out = new FieldViolations();
    rules(message, out);
    out.throwIfAny();
    String collection = collectionOf(message);
    if (collection != null) {
      collections.cached(collection).ifPresent(info -> against(message, info, out));
    }
    semantic(message, out);
    out.throwIfAny();
  }

  /** {@link #validate}, after loading the collection's info when the request names one. */
  public CompletableFuture<Void> validateAsync(Message message) {
    requireNonNull(message, "message");
    try {
      FieldViolations out = new FieldViolations();
      rules(message, out);
      out.throwIfAny();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    String collection = collectionOf(message);
    if (collection == null) {
      return CompletableFuture.runAsync(() -> validate(message), Runnable::run);
    }
    return collections.get(collection).thenAccept(info -> validate(message));
  }

  private void rules(Message message, FieldViolations out) {
    ValidationResult result;
    try {
      result = rules.validate(message);
    } catch (ValidationException e) {
      throw CoreErrors.toException(
          CoreErrors.internal("the validation rules of " + message.getDescriptorForType().getFullName()
              + " do not compile: " + e.getMessage()));
    }
    for (Violation violation : result.getViolations()) {
      build.buf.validate.Violation proto = violation.toProto();
      out.add(FieldPaths.of(proto.getField()), proto.getMessage(), "INVALID_FIELD");
    }
  }

  private static String collectionOf(Message message) {
    if (message instanceof SearchRequest search) {
      return search.getCollection();
    }
    if (message instanceof UpsertVectorsRequest upsert) {
      return upsert.getCollection();
    }
    return null;
  }

  private static void against(Message message, CollectionInfo info, FieldViolations out) {
    String expected = "the dim of collection '" + info.getName() + "'";
    if (message instanceof SearchRequest search) {
      VectorChecks.dims("queries", search.getQueriesList(), info.getDim(), expected, out);
      if (search.getMetric() != Metric.METRIC_UNSPECIFIED && search.getMetric() != info.getMetric()) {
        out.add("metric", "must be unset or " + info.getMetric() + ", the collection's metric",
            "INVALID_FIELD");
      }
    } else if (message instanceof UpsertVectorsRequest upsert) {
      VectorChecks.dims("vectors", upsert.getVectorsList(), info.getDim(), expected, out);
    }
  }

  private static void semantic(Message message, FieldViolations out) {
    if (message instanceof SearchRequest search) {
      VectorChecks.finite("queries", search.getQueriesList(), out);
    } else if (message instanceof UpsertVectorsRequest upsert) {
      VectorChecks.finite("vectors", upsert.getVectorsList(), out);
      if (upsert.getIdsCount() != upsert.getVectorsCount()) {
        out.add("ids", "has " + upsert.getIdsCount() + " ids for " + upsert.getVectorsCount()
            + " vectors", "INVALID_FIELD");
      }
    } else if (message instanceof RerankRequest rerank) {
      int dim = rerank.getQueries(0).getValuesCount();
      String expected = "the dim of queries[0]";
      VectorChecks.dims("queries", rerank.getQueriesList(), dim, expected, out);
      VectorChecks.dims("candidates", rerank.getCandidatesList(), dim, expected, out);
      VectorChecks.finite("queries", rerank.getQueriesList(), out);
      VectorChecks.finite("candidates", rerank.getCandidatesList(), out);
      if (rerank.getCandidateIdsCount() != 0
          && rerank.getCandidateIdsCount() != rerank.getCandidatesCount()) {
        out.add("candidate_ids", "has " + rerank.getCandidateIdsCount() + " ids for "
            + rerank.getCandidatesCount() + " candidates (send none or one per candidate)",
            "INVALID_FIELD");
      }
    }
  }
}

/**
 * Validation (request path step 3): the protovalidate rules written in the gateway's .proto
 * files, plus the semantic checks the rules cannot express (vector dims against the collection,
 * NaN and ±Inf, counts that must agree), all reported as INVALID_ARGUMENT with a
 * {@code google.rpc.BadRequest} naming each field ({@code queries[0].values[3]}).
 *
 * <p>Entry point: {@link dev.hybridgateway.gateway.validation.RequestValidator}, backed by a
 * {@link dev.hybridgateway.gateway.validation.CollectionInfoCache} of each collection's dim and
 * metric.
 */
package dev.hybridgateway.gateway.validation;

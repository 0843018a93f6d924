package dev.hybridgateway.gateway.rest;

import static java.util.Objects.requireNonNull;

import com.google.api.AnnotationsProto;
import com.google.api.HttpRule;
import com.google.protobuf.Message;
import dev.hybridgateway.gateway.v1.CollectionServiceGrpc;
import dev.hybridgateway.gateway.v1.SearchServiceGrpc;
import io.grpc.MethodDescriptor;
import io.grpc.ServiceDescriptor;
import io.grpc.protobuf.ProtoMethodDescriptorSupplier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The REST route table, derived from the {@code google.api.http} annotations of the gRPC
 * services, so the protos stay the one source of the REST mapping. Every unary method of the
 * given services must carry an annotation; a method without one fails at construction.
 *
 * <pre>{@code
 * RestRoutes routes = RestRoutes.gateway();   // SearchService + CollectionService
 * }</pre>
 */
public final class RestRoutes {
  /** The outcome of looking up a request: a route with its bound variables, or why none fits. */
  sealed interface Lookup {}

  /** The route and the path variables it bound. */
  record Found(RestRoute route, Map<String, String> variables) implements Lookup {}

  /** No template matches the path: 404. */
  record NotFound() implements Lookup {}

  /** Templates match the path, but not with this method: 405 with {@code allowed}. */
  record MethodNotAllowed(String allowed) implements Lookup {}

  private final List<RestRoute> routes;

  private RestRoutes(List<RestRoute> routes) {
    this.routes = List.copyOf(routes);
  }

  /** The routes of the gateway's public API: SearchService and CollectionService. */
  public static RestRoutes gateway() {
    return of(
        List.of(SearchServiceGrpc.getServiceDescriptor(), CollectionServiceGrpc.getServiceDescriptor()));
  }

  /** The routes of {@code services}, from their methods' {@code google.api.http} rules. */
  public static RestRoutes of(List<ServiceDescriptor> services) {
    requireNonNull(services, "services");
    List<RestRoute> routes = new ArrayList<>();
    for (ServiceDescriptor service : services) {
      for (MethodDescriptor<?, ?> method : service.getMethods()) {
        routes.add(route(method));
      }
    }
    return new RestRoutes(routes);
  }

  /** Every route, in service and method order. */
  List<RestRoute> routes() {
    return routes;
  }

  /** The route for {@code httpMethod} on the (already percent-decoded) {@code path}. */
  Lookup lookup(String httpMethod, String path) {
    TreeSet<String> allowed = new TreeSet<>();
    for (RestRoute route : routes) {
      Optional<Map<String, String>> bound = route.path().match(path);
      if (bound.isPresent()) {
        if (route.httpMethod().equals(httpMethod)) {
          return new Found(route, bound.get());
        }
        allowed.add(route.httpMethod());
      }
    }
    return allowed.isEmpty() ? new NotFound() : new MethodNotAllowed(String.join(", ", allowed));
  }

  @SuppressWarnings("unchecked")
  private static RestRoute route(MethodDescriptor<?, ?> method) {
    String name = method.getFullMethodName();
    if (method.getType() != MethodDescriptor.MethodType.UNARY
        || !(method.getSchemaDescriptor() instanceof ProtoMethodDescriptorSupplier schema)
        || !(method.getRequestMarshaller()
            instanceof MethodDescriptor.PrototypeMarshaller<?> requests)) {
      throw new IllegalArgumentException(name + ": only unary protobuf methods have REST routes");
    }
    if (!schema.getMethodDescriptor().getOptions().hasExtension(AnnotationsProto.http)) {
      throw new IllegalArgumentException(name + " has no google.api.http annotation");
    }
    HttpRule rule = schema.getMethodDescriptor().getOptions().getExtension(AnnotationsProto.http);
    String verb;
    String template;
    switch (rule.getPatternCase()) {
      case GET -> {
        verb = "GET";
        template = rule.getGet();
      }
      case POST -> {
        verb = "POST";
        template = rule.getPost();
      }
      case PUT -> {
        verb = "PUT";
        template = rule.getPut();
      }
      case PATCH -> {
        verb = "PATCH";
        template = rule.getPatch();
      }
      case DELETE -> {
        verb = "DELETE";
        template = rule.getDelete();
      }
      default -> throw new IllegalArgumentException(name + ": unsupported http rule " + rule);
    }
    return new RestRoute(
        verb,
        PathTemplate.of(template),
        rule.getBody(),
        (MethodDescriptor<Message, Message>) method,
        (Message) requests.getMessagePrototype());
  }
}

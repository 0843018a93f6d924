/**
 * Step 2 of the request path: authentication and authorization at the edge.
 *
 * <p>A request proves who it is with {@code authorization: Bearer <JWT>} (nimbus-jose-jwt: an
 * algorithm allow-list, keys from a JWKS file or a cached JWKS URL, {@code exp}/{@code nbf} with a
 * small clock skew, {@code iss} and {@code aud} checked; HS256 only in the dev profile) or with
 * {@code x-api-key} (only SHA-256 hashes are configured, compared in constant time). Either way
 * the result is a {@link dev.hybridgateway.gateway.auth.Principal}: tenant, subject, scopes.
 *
 * <ul>
 *   <li>{@link dev.hybridgateway.gateway.auth.AuthConfig} — the settings, validated when built.
 *   <li>{@link dev.hybridgateway.gateway.auth.Authenticator} — headers to Principal, or
 *       UNAUTHENTICATED with an ErrorInfo reason from {@link
 *       dev.hybridgateway.gateway.auth.AuthErrors}.
 *   <li>{@link dev.hybridgateway.gateway.auth.Authorizer} over {@link
 *       dev.hybridgateway.gateway.auth.MethodScopes} — PERMISSION_DENIED unless the Principal
 *       has the scope the method needs.
 *   <li>{@link dev.hybridgateway.gateway.auth.AuthInterceptor} — both, for gRPC; puts the
 *       Principal in the Context. The REST adapter calls the Authenticator and Authorizer itself
 *       with the gRPC method name of the route.
 *   <li>{@link dev.hybridgateway.gateway.auth.DevTokens} and {@link
 *       dev.hybridgateway.gateway.auth.DevTokenCommand} — the dev key pair and the {@code token}
 *       command of the quick start.
 * </ul>
 *
 * <h2>Changing the scope table</h2>
 *
 * Every method needs an entry in {@link dev.hybridgateway.gateway.auth.MethodScopes#defaults()}:
 * a method without one is denied (PERMISSION_DENIED, reason {@code METHOD_NOT_MAPPED}), so a new
 * RPC is closed until someone decides who may call it. To add one: pick an existing scope in
 * {@link dev.hybridgateway.gateway.auth.Scopes} or add a constant there, add a {@code
 * .require("pkg.Service/Method", Scopes.X)} line (or {@code "pkg.Service/*"} for a whole
 * service), and extend {@code MethodScopesTest}. Both gRPC and REST pick it up, since REST
 * authorizes by the gRPC method it maps to. Issuers must then grant the scope in tokens ({@code
 * scope} or {@code scp}) and API key entries must list it.
 */
package dev.hybridgateway.gateway.auth;

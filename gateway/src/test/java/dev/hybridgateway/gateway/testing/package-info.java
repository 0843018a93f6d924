/**
 * Test support shared by the gateway's tests and, through gateway's test-jar, by interop-tests:
 * the real Rust core as a child process ({@link dev.hybridgateway.gateway.testing.RustCoreServer}),
 * deterministic request data and readers of {@code google.rpc.Status} details.
 */
package dev.hybridgateway.gateway.testing;

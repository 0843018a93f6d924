/**
 * Test fixtures: real loopback gRPC servers with known behaviour (a one-time stall, a fixed
 * capacity), a closed-loop target for comparison, and sample reports from real short runs.
 */
package dev.hybridgateway.bench.support;

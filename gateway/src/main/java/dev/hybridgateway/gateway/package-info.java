/**
 * The hybrid-gateway edge service. {@link dev.hybridgateway.gateway.Main} is the process; the
 * concerns live in sub-packages: {@code core} (the boundary to the compute core and its three
 * transports), {@code server} (the public gRPC API), {@code config} (assembly from options).
 */
package dev.hybridgateway.gateway;

/**
 * The measurement harness of hybrid-gateway. {@link dev.hybridgateway.bench.LoadGenerator} is the
 * command; the packages below it hold the open-loop runner ({@code load}), the workloads
 * ({@code scenario}), the targets ({@code targets}), memory and machine sampling ({@code sample}),
 * the JSON and HTML outputs with the derived P4 and P6 figures ({@code report}) and the command's plumbing ({@code cli}).
 */
package dev.hybridgateway.bench;

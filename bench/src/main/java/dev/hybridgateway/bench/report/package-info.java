/**
 * The outputs of the load generator: {@link dev.hybridgateway.bench.report.BenchReport} (the one
 * data model), written as JSON by {@link dev.hybridgateway.bench.report.JsonReports} and as a
 * self-contained HTML page with inline SVG charts by {@link
 * dev.hybridgateway.bench.report.HtmlReport}.
 */
package dev.hybridgateway.bench.report;

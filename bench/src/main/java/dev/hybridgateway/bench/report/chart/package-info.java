/**
 * Inline SVG charts rendered by plain Java, so the HTML report is one self-contained file that
 * opens anywhere without a network (no CDN, no script): {@link
 * dev.hybridgateway.bench.report.chart.LineChart} (linear, log or HdrHistogram-style percentile
 * axes) and {@link dev.hybridgateway.bench.report.chart.BarChart}. Every series carries
 * {@code data-series} and {@code data-run} attributes, so tests and scripts can find it.
 */
package dev.hybridgateway.bench.report.chart;

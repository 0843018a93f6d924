/**
 * The workloads of the load generator, built once before a run from a seed so that every target
 * and every run sends the same bytes: {@link dev.hybridgateway.bench.scenario.Scenario} names
 * them, {@link dev.hybridgateway.bench.scenario.Workload} holds the prebuilt requests, and
 * {@link dev.hybridgateway.bench.scenario.CollectionSetup} makes sure the collection a search
 * scenario needs is resident in the core.
 */
package dev.hybridgateway.bench.scenario;

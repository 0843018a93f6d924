/**
 * What a run records about the machine and its memory: {@link
 * dev.hybridgateway.bench.sample.MachineInfo} (cores, memory, CPU, JDK, rustc), and during the
 * measured part, through {@link dev.hybridgateway.bench.sample.MemoryMonitor}, the RSS of given
 * processes (from {@code /proc/PID/status}), this JVM's heap use and its GC totals.
 */
package dev.hybridgateway.bench.sample;

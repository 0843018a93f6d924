package dev.hybridgateway.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hybridgateway.bench.sample.MachineInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/** P6 verdicts from probes, and their place in the JSON and the HTML. */
class MemoryFiguresTest {
  private static final long MIB = 1 << 20;
  private static final long VECTOR_BYTES = 1_000_000L * 384 * 4;

  private static final MemoryProbe CORE =
      new MemoryProbe("core 1M", "core", 1, 1_000_000, 384, VECTOR_BYTES, 1496 * MIB, -1);
  private static final MemoryProbe LARGE =
      new MemoryProbe("gateway 1M", "gateway", 2, 1_000_000, 384, VECTOR_BYTES, 1649 * MIB, 12 * MIB);
  private static final MemoryProbe SMALL =
      new MemoryProbe("gateway 1k", "gateway", 3, 1_000, 384, 1_536_000, 179 * MIB, 11 * MIB);

  @Test
  void of_probesWithinBounds_bothMet() {
    MemoryFigures figures = MemoryFigures.of(List.of(CORE, LARGE, SMALL));

    assertThat(figures.core().boundBytes()).isEqualTo(Math.round(1.1 * VECTOR_BYTES) + 64 * MIB);
    assertThat(figures.core().meetsTarget()).isTrue();
    assertThat(figures.gateway().large()).isEqualTo("gateway 1M");
    assertThat(figures.gateway().differenceBytes()).isEqualTo(MIB);
    assertThat(figures.gateway().meetsTarget()).isTrue();
  }

  @Test
  void of_vectorsOnTheHeap_notMet() {
    MemoryProbe heapy = new MemoryProbe("gateway java 1M", "gateway", 4, 1_000_000, 384,
        VECTOR_BYTES, 1700 * MIB, 1500 * MIB);
    MemoryProbe fatCore = new MemoryProbe("core", "core", 5, 1_000_000, 384, VECTOR_BYTES,
        2000 * MIB, -1);

    MemoryFigures figures = MemoryFigures.of(List.of(fatCore, heapy, SMALL));

    assertThat(figures.core().meetsTarget()).isFalse();
    assertThat(figures.gateway().meetsTarget()).isFalse();
  }

  @Test
  void of_oneGateway_noHeapVerdict() {
    assertThat(MemoryFigures.of(List.of(LARGE)).gateway()).isNull();
  }

  @Test
  void report_withProbes_jsonAndHtmlCarryP6() {
    BenchReport report = BenchReport.ofMemory(List.of("memory"), MachineInfo.collect(),
        List.of(CORE)).merge(BenchReport.ofMemory(List.of(), MachineInfo.collect(),
        List.of(LARGE, SMALL)));

    String json = JsonReports.toJson(report);
    assertThat(JsonReports.fromJson(json).memory()).containsExactly(CORE, LARGE, SMALL);
    assertThat(json).contains("\"p6\"", "\"boundBytes\"", "\"differenceBytes\"");
    assertThat(HtmlReport.render(report)).contains("data-figure=\"p6\"", "gateway 1M", "met");
  }
}

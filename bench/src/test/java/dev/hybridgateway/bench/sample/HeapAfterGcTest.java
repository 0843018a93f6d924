package dev.hybridgateway.bench.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** jcmd GC.heap_info as JDK 25 prints it, for G1 and Serial; a live JVM (this one) too. */
class HeapAfterGcTest {

  @Test
  void parse_g1_usedOfTheHeapLineOnly() {
    String g1 = """
        406:
        garbage-first heap   total reserved 6172672K, committed 40960K, used 11382K [0x0000000687400000, 0x0000000800000000)
         region size 4096K, 0 young (0K), 0 survivors (0K)
         Metaspace       used 9140K, committed 9344K, reserved 1114112K
          class space    used 1030K, committed 1152K, reserved 1048576K
        """;

    assertThat(HeapAfterGc.parse(g1)).isEqualTo(11382L * 1024);
  }

  @Test
  void parse_serial_sumsTheGenerations() {
    String serial = """
        77:
         def new generation   total 4928K, used 2246K [0x00000000e0000000, 0x00000000e0550000)
          eden space 4416K,  50% used [0x00000000e0000000, 0x00000000e0231b28, 0x00000000e0450000)
         tenured generation   total 10944K, used 1000K [0x00000000e5550000, 0x00000000e6000000)
         Metaspace       used 700K, committed 768K, reserved 1114112K
        """;

    assertThat(HeapAfterGc.parse(serial)).isEqualTo((2246L + 1000) * 1024);
  }

  @Test
  void parse_noHeapLine_fails() {
    assertThatThrownBy(() -> HeapAfterGc.parse("12:\nCommand not found\n"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("no heap figures");
  }

  @Test
  void read_thisJvm_positiveHeap() throws Exception {
    assertThat(HeapAfterGc.read(ProcessHandle.current().pid())).isPositive();
  }
}

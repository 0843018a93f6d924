package dev.hybridgateway.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The catalogue × the in-build targets: every {@link InteropCase} against every target it
 * applies to. A SKIP (the target does not expose what the case needs) is reported as an aborted
 * test with its reason; a FAIL fails with the case's own message.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InteropCatalogueTest {
  private InBuildTargets targets;
  private ScheduledExecutorService timer;
  private CaseRunner runner;

  @BeforeAll
  void start() throws Exception {
    targets = new InBuildTargets();
    timer = Executors.newSingleThreadScheduledExecutor();
    runner = new CaseRunner(targets.oracle(), timer, CaseContext.DEFAULT_TOLERANCE);
  }

  @AfterAll
  void stop() throws Exception {
    if (timer != null) {
      timer.shutdownNow();
    }
    if (targets != null) {
      targets.close();
    }
  }

  static Stream<Arguments> cases() {
    return Arrays.stream(InteropCase.values()).flatMap(c -> Arrays.stream(TargetKind.values())
        .filter(c::appliesTo).map(kind -> Arguments.of(c, kind)));
  }

  @ParameterizedTest(name = "{0} over {1}")
  @MethodSource("cases")
  void interopCase_onTarget_passes(InteropCase testCase, TargetKind kind) {
    CaseResult result = runner.run(testCase, targets.get(kind));
    Assumptions.assumeTrue(result.outcome() != CaseResult.Outcome.SKIP, result.reason());
    assertThat(result.outcome())
        .as("%s over %s: %s", testCase.caseName(), kind.id(), result.reason())
        .isEqualTo(CaseResult.Outcome.PASS);
  }
}

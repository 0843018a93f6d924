package dev.hybridgateway.bench.report;

import static java.util.Objects.requireNonNull;

import dev.hybridgateway.bench.load.RampResult;
import dev.hybridgateway.bench.load.RunResult;
import dev.hybridgateway.bench.load.RunTag;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * P4, the edge overhead, derived from the runs of a report (nothing is measured here):
 *
 * <ul>
 *   <li>{@link Overhead}: the p50 a pinned gateway target adds over the core client of the same
 *       transport ({@code gateway-grpc/grpc} vs {@code grpc-core}, {@code gateway-rest/ffi} vs
 *       {@code ffi-core}, ...) at the same scenario and offered rate: a plain run if both have
 *       one, else the highest ramp step both sustained at no more than half the gateway's
 *       maximum (ramps with the same start and factor share their rates); target ≤ 150 µs;
 *   <li>{@link Throughput}: each gateway target's maximum sustainable rate over that of
 *       {@code bare-grpc}, a grpc-java server answering the same method with a fixed reply, in
 *       the same scenario; target ≥ 50 %.
 * </ul>
 */
public record EdgeFigures(List<Overhead> overheads, List<Throughput> throughputs) {
  /** P4's bound on the p50 the gateway adds, ms. */
  public static final double MAX_ADDED_P50_MS = 0.150;

  /** P4's bound on the gateway's share of the bare server's maximum rate. */
  public static final double MIN_THROUGHPUT_RATIO = 0.5;

  /** The baseline target of the throughput ratio. */
  public static final String BARE_TARGET = "bare-grpc";

  private static final Map<String, String> DIRECT =
      Map.of("java", "java-core", "ffi", "ffi-core", "grpc", "grpc-core");

  public EdgeFigures {
    overheads = List.copyOf(requireNonNull(overheads, "overheads"));
    throughputs = List.copyOf(requireNonNull(throughputs, "throughputs"));
  }

  /**
   * The p50 {@code gateway} adds over {@code direct}: {@code addedP50Ms = gatewayP50Ms -
   * directP50Ms} at {@code rate} requests/s of {@code scenario} (run kind {@code kind}).
   */
  public record Overhead(
      String scenario, String kind, double rate, String gateway, String direct,
      double gatewayP50Ms, double directP50Ms, double addedP50Ms, boolean meetsTarget) {}

  /** {@code ratio = maxRate / bareMaxRate} for {@code target} in {@code scenario}. */
  public record Throughput(
      String scenario, String target, double maxRate, double bareMaxRate, double ratio,
      boolean meetsTarget) {}

  /** The figures of {@code runs} and {@code ramps}; empty lists when no pair exists. */
  public static EdgeFigures of(List<RunResult> runs, List<RampResult> ramps) {
    Set<String> unsustainable = new HashSet<>();
    Map<String, Double> maxima = new HashMap<>(); // target + scenario -> maximum sustainable rate
    for (RampResult ramp : ramps) {
      ramp.steps().stream().filter(step -> !step.sustainable())
          .forEach(step -> unsustainable.add(step.runId()));
      maxima.put(ramp.target() + "\n" + ramp.scenario(), ramp.maxSustainableRate());
    }
    // gateway target + scenario -> its chosen pair
    Map<String, Overhead> chosen = new LinkedHashMap<>();
    for (RunResult gateway : runs) {
      String direct = directOf(gateway.target());
      if (direct == null || gateway.latency() == null || unsustainable.contains(gateway.id())) {
        continue;
      }
      for (RunResult candidate : runs) {
        if (!candidate.target().equals(direct) || candidate.latency() == null
            || unsustainable.contains(candidate.id()) || !comparable(gateway, candidate)) {
          continue;
        }
        double added = gateway.latency().p50Ms() - candidate.latency().p50Ms();
        Overhead pair = new Overhead(gateway.tag().scenario(), gateway.tag().kind(),
            gateway.config().rate(), gateway.target(), direct, gateway.latency().p50Ms(),
            candidate.latency().p50Ms(), added, added <= MAX_ADDED_P50_MS);
        String key = gateway.target() + "\n" + gateway.tag().scenario();
        double halfMax = maxima.getOrDefault(key, Double.POSITIVE_INFINITY) / 2;
        chosen.merge(key, pair, (a, b) -> better(b, a, halfMax) ? b : a);
      }
    }
    List<Overhead> overheads = new ArrayList<>(chosen.values());
    List<Throughput> throughputs = new ArrayList<>();
    for (RampResult ramp : ramps) {
      if (!ramp.target().startsWith("gateway-")) {
        continue;
      }
      ramps.stream()
          .filter(b -> b.target().equals(BARE_TARGET) && b.scenario().equals(ramp.scenario())
              && b.maxSustainableRate() > 0)
          .findFirst()
          .ifPresent(bare -> {
            double ratio = ramp.maxSustainableRate() / bare.maxSustainableRate();
            throughputs.add(new Throughput(ramp.scenario(), ramp.target(),
                ramp.maxSustainableRate(), bare.maxSustainableRate(), ratio,
                ratio >= MIN_THROUGHPUT_RATIO));
          });
    }
    return new EdgeFigures(overheads, throughputs);
  }

  /** {@code grpc-core} for {@code gateway-grpc/grpc} or {@code gateway-rest/grpc}; else null. */
  static String directOf(String target) {
    int slash = target.indexOf('/');
    if (!target.startsWith("gateway-") || slash < 0) {
      return null;
    }
    return DIRECT.get(target.substring(slash + 1));
  }

  /** Same scenario, offered rate and kind; plain runs or ramp steps only. */
  private static boolean comparable(RunResult a, RunResult b) {
    String kind = a.tag().kind();
    return (kind.equals(RunTag.FIXED) || kind.equals(RunTag.RAMP_STEP))
        && kind.equals(b.tag().kind())
        && a.tag().scenario().equals(b.tag().scenario())
        && a.config().rate() == b.config().rate();
  }

  /**
   * Whether {@code candidate} is a better pair than {@code current}: a plain run beats a ramp
   * step (and the lower rate wins among plain runs); among ramp steps, the highest rate at most
   * half the gateway's maximum wins, else the lowest. At the lowest rates both sides mostly
   * measure how fast idle threads wake up, which the gateway's extra hops multiply; near the
   * gateway's maximum its p50 is queueing. At half its maximum the gateway is busy but not
   * saturated.
   */
  private static boolean better(Overhead candidate, Overhead current, double halfMax) {
    boolean fixed = candidate.kind().equals(RunTag.FIXED);
    if (fixed != current.kind().equals(RunTag.FIXED)) {
      return fixed;
    }
    if (fixed) {
      return candidate.rate() < current.rate();
    }
    boolean candidateFits = candidate.rate() <= halfMax;
    boolean currentFits = current.rate() <= halfMax;
    if (candidateFits != currentFits) {
      return candidateFits;
    }
    return candidateFits ? candidate.rate() > current.rate() : candidate.rate() < current.rate();
  }
}

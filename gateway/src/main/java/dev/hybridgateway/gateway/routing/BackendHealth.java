package dev.hybridgateway.gateway.routing;

import java.time.Duration;

/**
 * What the router needs to know about a backend's circuit: whether calls to it are refused right
 * now (its circuit is open and its wait has not elapsed), and when to try again. The resilience
 * package's {@code BackendResilience} implements it; {@link #ALWAYS_CLOSED} serves without one.
 */
public interface BackendHealth {
  /** Every backend always accepts calls. */
  BackendHealth ALWAYS_CLOSED =
      new BackendHealth() {
        @Override
        public boolean isOpen(String backend) {
          return false;
        }

        @Override
        public Duration retryAfter(String backend) {
          return Duration.ZERO;
        }
      };

  /** True while {@code backend}'s circuit refuses calls. */
  boolean isOpen(String backend);

  /** How long until {@code backend} accepts a probe again (zero when it does now). */
  Duration retryAfter(String backend);
}

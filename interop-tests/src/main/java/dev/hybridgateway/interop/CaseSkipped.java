package dev.hybridgateway.interop;

/**
 * Thrown by a case when its target does not expose what the case needs (GetStats, test hooks, a
 * raw channel); the runner reports SKIP with the message as the reason.
 */
public final class CaseSkipped extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CaseSkipped(String reason) {
    super(reason, null, false, false);
  }
}

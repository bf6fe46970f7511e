package org.configspec.core.acceptance;

/** Which acceptance model turns a profile into E(K). */
public enum AcceptanceMode {
    /** Per-position acceptance where measured, otherwise measured α(K). */
    AUTO,
    /** The paper's E(K) = K·α(K) + 1 with measured α(K); only measured Ks. */
    ALPHA,
    /** Per-position acceptance E(K) = 1 + Σ P(L ≥ i); only profiles that carry it. */
    POSITION,
    /** An i.i.d. per-token rate fitted to the measurements; any K ≥ 1. */
    IID
}

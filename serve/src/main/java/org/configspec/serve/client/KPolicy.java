package org.configspec.serve.client;

import org.configspec.core.error.ConfigSpecException;

/**
 * Chooses the draft length K of the next round from what the previous rounds showed (a strategy). Every policy
 * keeps the same {@link Counters}. Not thread-safe: one per client run.
 */
public abstract class KPolicy {

    /**
     * One finished round as the policy sees it.
     *
     * @param roundTripSeconds the verify call's wall time
     * @param verifierSeconds  the part of it the verifier reported for itself (queueing and decoding); 0 when unknown
     */
    public record Observation(int k, int accepted, double draftSeconds, double roundTripSeconds,
                              double verifierSeconds) {
        public Observation {
            if (k < 0 || accepted < 0 || accepted > k) {
                throw new IllegalArgumentException("accepted " + accepted + " of K " + k);
            }
        }

        /** The verifier's own time unknown. */
        public Observation(int k, int accepted, double draftSeconds, double roundTripSeconds) {
            this(k, accepted, draftSeconds, roundTripSeconds, 0);
        }
    }

    /** The counters every policy keeps. */
    public record Counters(long rounds, long drafted, long accepted, long kIncreases, long kDecreases) {
    }

    protected final int maxK;
    private long rounds;
    private long drafted;
    private long accepted;
    private long kIncreases;
    private long kDecreases;
    private int lastK = -1;

    protected KPolicy(int maxK) {
        if (maxK < 1 || maxK > 64) {
            throw new ConfigSpecException("--max-k = " + maxK + ": allowed 1..64");
        }
        this.maxK = maxK;
    }

    public abstract String name();

    /** K for the next round (1..maxK). */
    public final int nextK() {
        int k = choose();
        if (lastK >= 0 && k > lastK) {
            kIncreases++;
        } else if (lastK >= 0 && k < lastK) {
            kDecreases++;
        }
        lastK = k;
        return k;
    }

    protected abstract int choose();

    /** Records a finished round (K as actually drafted, which may be clipped below the policy's choice). */
    public final void observe(Observation o) {
        rounds++;
        drafted += o.k();
        accepted += o.accepted();
        update(o);
    }

    protected abstract void update(Observation o);

    public final Counters counters() {
        return new Counters(rounds, drafted, accepted, kIncreases, kDecreases);
    }

    /** Parses --policy: fixed, backoff, optimal or bandit. */
    public static KPolicy parse(String name, int k, int maxK) {
        return PolicyKind.parse(name == null ? "fixed" : name).policy(k, maxK);
    }
}

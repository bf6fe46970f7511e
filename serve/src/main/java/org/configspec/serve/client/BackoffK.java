package org.configspec.serve.client;

import org.configspec.core.error.ConfigSpecException;

/**
 * Acceptance back-off: after a round that accepted every drafted token K grows by one; after a rejection K shrinks
 * to max(min, accepted + 1) (what the round showed the draft can get right, plus one); K stays in [min, max].
 */
public final class BackoffK extends KPolicy {
    private final int min;
    private int k;

    public BackoffK(int start, int min, int max) {
        super(max);
        if (min < 1 || min > max || start < min || start > max) {
            throw new ConfigSpecException("back-off K: start " + start + ", min " + min + ", max " + max
                    + " (allowed 1 <= min <= start <= max)");
        }
        this.min = min;
        this.k = start;
    }

    @Override
    public String name() {
        return "backoff(K in " + min + ".." + maxK + ")";
    }

    @Override
    protected int choose() {
        return k;
    }

    @Override
    protected void update(Observation o) {
        if (o.k() == 0) {
            return;
        }
        if (o.accepted() == o.k()) {
            k = Math.min(maxK, Math.max(k, o.k()) + 1);
        } else {
            k = Math.max(min, Math.min(k - 1, o.accepted() + 1));
        }
    }
}

package org.configspec.serve.client;

import org.configspec.core.error.ConfigSpecException;

/** The same K every round. */
public final class FixedK extends KPolicy {
    private final int k;

    public FixedK(int k) {
        super(Math.max(1, k));
        if (k < 1 || k > 64) {
            throw new ConfigSpecException("--k = " + k + ": allowed 1..64");
        }
        this.k = k;
    }

    @Override
    public String name() {
        return "fixed(K=" + k + ")";
    }

    @Override
    protected int choose() {
        return k;
    }

    @Override
    protected void update(Observation o) {
        // fixed
    }
}

package org.configspec.serve.client;

import java.util.Locale;

/** The K policies by their {@code --policy} name. */
public enum PolicyKind {
    FIXED, BACKOFF, OPTIMAL;

    /** The policy starting at K = {@code k}; the adaptive ones go up to {@code maxK}. */
    public KPolicy policy(int k, int maxK) {
        return switch (this) {
            case FIXED -> new FixedK(k);
            case BACKOFF -> new BackoffK(k, 1, maxK);
            case OPTIMAL -> new OptimalK(k, maxK);
        };
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

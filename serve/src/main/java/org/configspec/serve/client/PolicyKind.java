package org.configspec.serve.client;

import java.util.Locale;

/** The K policies by their {@code --policy} name. */
public enum PolicyKind {
    FIXED, BACKOFF, OPTIMAL, BANDIT, TRACKING;

    /** The policy starting at K = {@code k}; the adaptive ones go up to {@code maxK}. */
    public KPolicy policy(int k, int maxK) {
        return policy(k, maxK, 1L);
    }

    /** As {@link #policy(int, int)}; {@code seed} seeds the Thompson draws of bandit and tracking (the others draw nothing). */
    public KPolicy policy(int k, int maxK, long seed) {
        return switch (this) {
            case FIXED -> new FixedK(k);
            case BACKOFF -> new BackoffK(k, 1, maxK);
            case OPTIMAL -> new OptimalK(k, maxK);
            case BANDIT -> new BanditK(maxK, seed);
            case TRACKING -> new TrackingK(maxK, TrackingK.DEFAULT_WEIGHT, seed);
        };
    }

    /** "fixed, backoff, optimal, bandit, tracking" */
    public static String allowed() {
        return java.util.Arrays.stream(values()).map(PolicyKind::cliName).collect(java.util.stream.Collectors.joining(", "));
    }

    /** The kind named {@code name} (case-insensitive); the error names the flag, the value and what is allowed. */
    public static PolicyKind parse(String name) {
        for (PolicyKind p : values()) {
            if (p.cliName().equalsIgnoreCase(name == null ? "" : name.trim())) {
                return p;
            }
        }
        throw new org.configspec.core.error.ConfigSpecException("--policy '" + name + "': allowed " + allowed());
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

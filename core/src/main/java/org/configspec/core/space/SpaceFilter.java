package org.configspec.core.space;

import java.util.Set;

/**
 * Which part of a catalog to evaluate: names of targets, devices, drafts and quantisations (empty = all), and the
 * memory headroom a draft needs beyond its weights.
 */
public record SpaceFilter(Set<String> targets, Set<String> devices, Set<String> drafts, Set<String> quants,
                          long memoryHeadroomBytes) {
    public static final long DEFAULT_HEADROOM = 512L << 20;

    public SpaceFilter {
        targets = Set.copyOf(targets);
        devices = Set.copyOf(devices);
        drafts = Set.copyOf(drafts);
        quants = Set.copyOf(quants);
        if (memoryHeadroomBytes < 0) {
            throw new org.configspec.core.error.ConfigSpecException("--memory-headroom must be >= 0, got " + memoryHeadroomBytes);
        }
    }

    public static SpaceFilter all() {
        return new SpaceFilter(Set.of(), Set.of(), Set.of(), Set.of(), DEFAULT_HEADROOM);
    }

    boolean accepts(Set<String> allowed, String value) {
        return allowed.isEmpty() || allowed.contains(value);
    }
}

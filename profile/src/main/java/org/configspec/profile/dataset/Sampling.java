package org.configspec.profile.dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.configspec.core.error.ConfigSpecException;

/**
 * Seeded sampling without replacement: a partial Fisher-Yates shuffle driven by {@link java.util.Random}, whose
 * algorithm the Java specification fixes, so a seed gives the same sample on every JVM. A sample of n is the first
 * n of a sample of n + m with the same seed: growing a sample keeps the prompts already profiled.
 */
public final class Sampling {
    private Sampling() {
    }

    public static <T> List<T> sample(List<T> items, int n, long seed, String what) {
        if (n < 1 || n > items.size()) {
            throw new ConfigSpecException(what + ": cannot sample " + n + " without replacement; allowed: 1.." + items.size());
        }
        List<T> pool = new ArrayList<>(items);
        Random random = new Random(seed);
        for (int i = 0; i < n; i++) {
            int j = i + random.nextInt(pool.size() - i);
            T t = pool.get(i);
            pool.set(i, pool.get(j));
            pool.set(j, t);
        }
        return List.copyOf(pool.subList(0, n));
    }
}

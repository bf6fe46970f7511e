package org.configspec.store;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.configspec.core.domain.Pricing;

/**
 * Prices for targets named in stored acceptance documents (the store keeps no prices: they change, so they come
 * from the command line). A price per target name, and optionally one default for the rest.
 *
 * @param byTarget     target name → its prices
 * @param defaultPrice the price of any other target, or null
 */
public record TargetPrices(Map<String, Pricing> byTarget, Pricing defaultPrice) {
    public TargetPrices {
        byTarget = Map.copyOf(byTarget == null ? Map.of() : byTarget);
    }

    public static TargetPrices of(Pricing defaultPrice) {
        return new TargetPrices(Map.of(), defaultPrice);
    }

    public Optional<Pricing> forTarget(String target) {
        return Optional.ofNullable(byTarget.getOrDefault(target, defaultPrice));
    }

    String known() {
        return byTarget.isEmpty() ? "none" : String.join(", ", new TreeMap<>(byTarget).keySet());
    }
}

package org.configspec.sim;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.configspec.core.catalog.Catalog;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.core.model.ModelOptions;
import org.configspec.core.space.Candidate;
import org.configspec.core.space.JointSpace;
import org.configspec.core.space.SpaceFilter;

/** One candidate of a catalog named as {@code explain} names it: target, device, draft and (when ambiguous) quant. */
public final class Selection {
    private Selection() {
    }

    /** The candidate; an unknown name is one error naming the flag, the value and what the catalog has. */
    public static Candidate candidate(Catalog c, ModelOptions o, String target, String device, String draft, String quant) {
        known("--target", target, c.targets(), t -> t.name());
        known("--device", device, c.devices(), d -> d.name());
        String q = c.quantOf(draft, quant);
        JointSpace space = JointSpace.of(c, o, new SpaceFilter(Set.of(target), Set.of(device), Set.of(draft), Set.of(q),
                SpaceFilter.DEFAULT_HEADROOM));
        if (space.candidates().isEmpty()) {
            throw new ConfigSpecException("no data for " + draft + " " + q + " on " + device + " with target " + target + ": "
                    + (space.missing().isEmpty() ? "the catalog has neither a draft profile nor an acceptance profile"
                    : space.missing().get(0)));
        }
        return space.candidates().get(0);
    }

    private static <T> void known(String flag, String value, List<T> items, Function<T, String> name) {
        Set<String> names = items.stream().map(name).collect(Collectors.toCollection(java.util.TreeSet::new));
        if (!names.contains(value)) {
            throw new ConfigSpecException(flag + ": unknown value '" + value + "'; the catalog has: " + String.join(", ", names));
        }
    }
}

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
        JointSpace space = JointSpace.single(c, o, target, device, draft, q, SpaceFilter.DEFAULT_HEADROOM);
        return space.candidates().get(0);
    }

    private static <T> void known(String flag, String value, List<T> items, Function<T, String> name) {
        Set<String> names = items.stream().map(name).collect(Collectors.toCollection(java.util.TreeSet::new));
        if (!names.contains(value)) {
            throw new ConfigSpecException(flag + ": unknown value '" + value + "'; the catalog has: " + String.join(", ", names));
        }
    }
}

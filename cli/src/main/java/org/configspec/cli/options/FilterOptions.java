package org.configspec.cli.options;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.configspec.core.space.SpaceFilter;
import picocli.CommandLine.Option;

/** Which targets, devices, drafts and quantisations to evaluate. */
public final class FilterOptions {
    @Option(names = "--target", split = ",", paramLabel = "NAME", description = "Only these targets (repeatable or comma-separated).")
    List<String> targets = List.of();

    @Option(names = "--device", split = ",", paramLabel = "NAME", description = "Only these devices.")
    List<String> devices = List.of();

    @Option(names = "--draft", split = ",", paramLabel = "NAME", description = "Only these draft models.")
    List<String> drafts = List.of();

    @Option(names = "--quant", split = ",", paramLabel = "QUANT", description = "Only these quantisations (e.g. Q4_K_M).")
    List<String> quants = List.of();

    @Option(names = "--memory-headroom-gib", paramLabel = "GiB", defaultValue = "0.5",
            description = "Memory a draft needs beyond its weights (KV cache, runtime, OS), GiB.")
    double headroomGib;

    public SpaceFilter get() {
        if (!(headroomGib >= 0) || Double.isInfinite(headroomGib)) {
            throw new org.configspec.core.error.ConfigSpecException("--memory-headroom-gib must be a number >= 0, got " + headroomGib);
        }
        return new SpaceFilter(set(targets), set(devices), set(drafts), set(quants), Math.round(headroomGib * (1L << 30)));
    }

    private static Set<String> set(List<String> values) {
        Set<String> out = new LinkedHashSet<>();
        for (String v : values) {
            out.add(v.trim());
        }
        return out;
    }
}

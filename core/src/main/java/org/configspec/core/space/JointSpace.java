package org.configspec.core.space;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.configspec.core.acceptance.AcceptanceCurve;
import org.configspec.core.acceptance.AcceptanceProfile;
import org.configspec.core.catalog.Catalog;
import org.configspec.core.domain.Device;
import org.configspec.core.domain.DraftModel;
import org.configspec.core.domain.Target;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.core.model.ModelOptions;
import org.configspec.core.profile.DraftProfile;

/**
 * The joint space target × device × draft variant (× K, chosen by the evaluator) that a catalog and model options
 * define. Only combinations with both a draft profile (device × variant) and an acceptance profile (draft × target)
 * are candidates; {@link #missing()} says which were left out and why.
 */
public final class JointSpace {
    private final List<Candidate> candidates;
    private final List<String> missing;
    private final ModelOptions options;
    private final long headroomBytes;

    private JointSpace(List<Candidate> candidates, List<String> missing, ModelOptions options, long headroomBytes) {
        this.candidates = List.copyOf(candidates);
        this.missing = List.copyOf(missing);
        this.options = options;
        this.headroomBytes = headroomBytes;
    }

    public static JointSpace of(Catalog catalog, ModelOptions options, SpaceFilter filter) {
        requireKnown("--target", filter.targets(), catalog.targets(), Target::name);
        requireKnown("--device", filter.devices(), catalog.devices(), Device::name);
        requireKnown("--draft", filter.drafts(), catalog.drafts(), DraftModel::name);
        requireKnown("--quant", filter.quants(), catalog.drafts(), DraftModel::quant);
        List<Candidate> out = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Target t : catalog.targets()) {
            if (!filter.accepts(filter.targets(), t.name())) {
                continue;
            }
            options.billing().requirePrices(t.price(), t.name());
            for (Device d : catalog.devices()) {
                if (!filter.accepts(filter.devices(), d.name())) {
                    continue;
                }
                double idle = Double.isNaN(options.energy().idlePowerW()) ? d.idlePowerW() : options.energy().idlePowerW();
                for (DraftModel m : catalog.drafts()) {
                    if (!filter.accepts(filter.drafts(), m.name()) || !filter.accepts(filter.quants(), m.quant())) {
                        continue;
                    }
                    var profile = catalog.draftProfile(d, m);
                    var acceptance = catalog.acceptanceFor(m, t);
                    if (profile.isEmpty() || acceptance.isEmpty()) {
                        if (acceptance.isPresent() || profile.isPresent()) {
                            missing.add(t.name() + " / " + d.name() + " / " + m.id() + ": no "
                                    + (profile.isEmpty() ? "draft profile on this device" : "acceptance profile for this target"));
                        }
                        continue;
                    }
                    if (options.energy().waiting() && Double.isNaN(idle) && profile.get().powerKnown()) {
                        throw new ConfigSpecException("device '" + d.name()
                                + "' has no idlePowerW in the catalog; pass --idle-power W or leave out --energy-wait");
                    }
                    out.add(candidate(t, d, m, profile.get(), acceptance.get(), options, idle));
                }
            }
        }
        return new JointSpace(out, missing, options, filter.memoryHeadroomBytes());
    }

    private static Candidate candidate(Target t, Device d, DraftModel m, DraftProfile p, AcceptanceProfile a,
                                       ModelOptions options, double idle) {
        AcceptanceCurve curve = a.curve(options.acceptance());
        double power = p.powerKnown() ? p.powerW().value() : Double.NaN;
        return new Candidate(t, d, m, p, curve, p.tokPerS().value(), power, idle);
    }

    private static <T> void requireKnown(String flag, Set<String> wanted, List<T> items, Function<T, String> name) {
        Set<String> known = items.stream().map(name).collect(Collectors.toCollection(TreeSet::new));
        for (String w : wanted) {
            if (!known.contains(w)) {
                throw new ConfigSpecException(flag + ": unknown value '" + w + "'; the catalog has: " + String.join(", ", known));
            }
        }
    }

    /**
     * The space of one named configuration (explain, simulate): {@code quant} already resolved
     * ({@link Catalog#quantOf}). Never empty: a configuration the catalog cannot evaluate is one error saying what is
     * missing.
     */
    public static JointSpace single(Catalog catalog, ModelOptions options, String target, String device, String draft,
                                    String quant, long headroomBytes) {
        JointSpace space = of(catalog, options, new SpaceFilter(Set.of(target), Set.of(device), Set.of(draft),
                Set.of(quant), headroomBytes));
        if (space.candidates().isEmpty()) {
            throw new ConfigSpecException("no data for " + draft + " " + quant + " on " + device + " with target " + target
                    + ": " + (space.missing().isEmpty() ? "the catalog has neither a draft profile nor an acceptance profile"
                    : space.missing().get(0)));
        }
        return space;
    }

    /** A space over explicit candidates (tests, benchmarks, measured profiles). */
    public static JointSpace ofCandidates(List<Candidate> candidates, ModelOptions options) {
        return new JointSpace(candidates, List.of(), options, SpaceFilter.DEFAULT_HEADROOM);
    }

    public List<Candidate> candidates() {
        return candidates;
    }

    public List<String> missing() {
        return missing;
    }

    public ModelOptions options() {
        return options;
    }

    public long headroomBytes() {
        return headroomBytes;
    }

    Fit fit(Candidate c) {
        return Fit.of(c.device().memoryBytes(), c.draft().sizeBytes() + headroomBytes);
    }
}

package org.configspec.core.acceptance;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;
import org.configspec.core.error.Check;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.core.stats.Measured;

/**
 * Measured acceptance of one draft model (all its quantisations share it unless {@code quant} is set) against one
 * target.
 *
 * @param draft       draft model name
 * @param quant       the quantisation it was measured with, or "" when it stands for every quantisation
 * @param target      target name
 * @param alphaByK    α(K), the mean fraction of K drafted tokens accepted, with spread over prompts and the prompt count
 * @param survival    per-position acceptance P(L ≥ i) for i = 1..n, or empty
 * @param source      where the figures come from
 */
public record AcceptanceProfile(String draft, String quant, String target, SortedMap<Integer, Measured> alphaByK,
                                double[] survival, String source) {
    /** The unit of α(K): a fraction of the K drafted tokens. */
    public static final String UNIT = "fraction";

    public AcceptanceProfile {
        Check.name("acceptance.draft", draft);
        Check.name("acceptance.target", target);
        quant = quant == null ? "" : quant;
        alphaByK = Collections.unmodifiableSortedMap(new TreeMap<>(alphaByK == null ? new TreeMap<>() : alphaByK));
        survival = survival == null ? new double[0] : survival.clone();
        source = source == null ? "" : source;
        String where = "acceptance " + draft + " -> " + target;
        for (var e : alphaByK.entrySet()) {
            Check.atLeast(where + ": K", e.getKey(), 1);
            Check.probability(where + ": alpha at K=" + e.getKey(), e.getValue().value());
            if (!UNIT.equals(e.getValue().unit())) {
                throw new ConfigSpecException(where + ": alpha at K=" + e.getKey() + " must be in unit '" + UNIT
                        + "', got '" + e.getValue().unit() + "'");
            }
        }
        if (alphaByK.isEmpty() && survival.length == 0) {
            throw new ConfigSpecException(where + ": needs alpha (per K) or perPosition values, got neither");
        }
        new PerPositionCurve(survival); // validates
    }

    @Override
    public double[] survival() {
        return survival.clone();
    }

    public boolean hasPerPosition() {
        return survival.length > 0;
    }

    /** The curve for a mode; throws when the profile lacks what the mode needs. */
    public AcceptanceCurve curve(AcceptanceMode mode) {
        return switch (mode) {
            case AUTO -> hasPerPosition() ? new PerPositionCurve(survival) : alphaCurve();
            case ALPHA -> alphaCurve();
            case POSITION -> {
                if (!hasPerPosition()) {
                    throw new ConfigSpecException("acceptance " + draft + " -> " + target
                            + " has no per-position data; use --acceptance alpha or iid");
                }
                yield new PerPositionCurve(survival);
            }
            case IID -> {
                AcceptanceCurve measured = hasPerPosition() ? new PerPositionCurve(survival) : alphaCurve();
                int maxK = hasPerPosition() ? survival.length : alphaByK.lastKey();
                yield IidFit.fit(measured, maxK);
            }
        };
    }

    private AcceptanceCurve alphaCurve() {
        if (alphaByK.isEmpty()) {
            SortedMap<Integer, Double> derived = new TreeMap<>();
            PerPositionCurve pp = new PerPositionCurve(survival);
            for (int k = 1; k <= pp.maxK(); k++) {
                derived.put(k, pp.alpha(k));
            }
            return new MeasuredAlphaCurve(derived);
        }
        SortedMap<Integer, Double> means = new TreeMap<>();
        alphaByK.forEach((k, s) -> means.put(k, s.value()));
        return new MeasuredAlphaCurve(means);
    }
}

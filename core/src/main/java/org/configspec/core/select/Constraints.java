package org.configspec.core.select;

import java.util.Optional;
import org.configspec.core.error.Check;
import org.configspec.core.space.Evaluation;
import org.configspec.core.space.Fit;

/**
 * Hard limits a configuration must meet. NaN means no limit.
 *
 * @param minGoodput    minimum goodput in tokens/s
 * @param maxUsdPerMTok maximum US dollars per million committed tokens
 * @param maxJPerToken  maximum edge joules per committed token (configurations with unknown energy fail it)
 * @param requireFit    the draft must fit the device's memory (unknown memory passes)
 */
public record Constraints(double minGoodput, double maxUsdPerMTok, double maxJPerToken, boolean requireFit) {
    public Constraints {
        if (!Double.isNaN(minGoodput)) {
            Check.nonNegative("--min-goodput (tok/s)", minGoodput);
        }
        if (!Double.isNaN(maxUsdPerMTok)) {
            Check.positive("--max-usd-per-mtok ($/M tokens)", maxUsdPerMTok);
        }
        if (!Double.isNaN(maxJPerToken)) {
            Check.positive("--max-j-per-token (J/tok)", maxJPerToken);
        }
    }

    public static Constraints none() {
        return new Constraints(Double.NaN, Double.NaN, Double.NaN, false);
    }

    /** The first constraint the configuration violates, as a short reason, or empty when it meets them all. */
    public Optional<String> violation(Evaluation e) {
        if (requireFit && e.fit() == Fit.DOES_NOT_FIT) {
            return Optional.of("does not fit device memory");
        }
        if (!Double.isNaN(minGoodput) && !(e.goodput() >= minGoodput)) {
            return Optional.of("goodput below " + minGoodput + " tok/s");
        }
        if (!Double.isNaN(maxUsdPerMTok) && !(e.usdPerMTok() <= maxUsdPerMTok)) {
            return Optional.of("cost above " + maxUsdPerMTok + " $/M tokens");
        }
        if (!Double.isNaN(maxJPerToken)) {
            if (!e.energyKnown()) {
                return Optional.of("energy unknown (no power data)");
            }
            if (!(e.joulesPerToken() <= maxJPerToken)) {
                return Optional.of("energy above " + maxJPerToken + " J/token");
            }
        }
        return Optional.empty();
    }

    public boolean any() {
        return requireFit || !Double.isNaN(minGoodput) || !Double.isNaN(maxUsdPerMTok) || !Double.isNaN(maxJPerToken);
    }
}

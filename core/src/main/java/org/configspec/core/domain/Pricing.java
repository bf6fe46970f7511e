package org.configspec.core.domain;

import org.configspec.core.error.Check;

/**
 * The target's prices. Per-token prices are US dollars per million tokens; NaN where the provider has none.
 *
 * @param outputPerMTok      output tokens ($/M), the price the paper bills drafted tokens at
 * @param inputPerMTok       uncached input tokens ($/M)
 * @param cachedInputPerMTok cached input tokens ($/M)
 * @param gpuPerHour         a self-hosted GPU serving the target ($/h)
 * @param asOf               the date the prices were read (ISO date)
 * @param source             where they were read
 */
public record Pricing(double outputPerMTok, double inputPerMTok, double cachedInputPerMTok, double gpuPerHour,
                      String asOf, String source) {
    public Pricing {
        Check.positive("price.outputPerMTok", outputPerMTok);
        if (!Double.isNaN(inputPerMTok)) {
            Check.positive("price.inputPerMTok", inputPerMTok);
        }
        if (!Double.isNaN(cachedInputPerMTok)) {
            Check.nonNegative("price.cachedInputPerMTok", cachedInputPerMTok);
        }
        if (!Double.isNaN(gpuPerHour)) {
            Check.positive("price.gpuPerHour", gpuPerHour);
        }
        asOf = asOf == null ? "" : asOf;
        source = source == null ? "" : source;
    }

    public static Pricing outputOnly(double outputPerMTok) {
        return new Pricing(outputPerMTok, Double.NaN, Double.NaN, Double.NaN, "", "");
    }

    public Pricing withOutput(double v) {
        return new Pricing(v, inputPerMTok, cachedInputPerMTok, gpuPerHour, asOf, source + " (output price overridden)");
    }

    public Pricing withInput(double v) {
        return new Pricing(outputPerMTok, v, cachedInputPerMTok, gpuPerHour, asOf, source);
    }

    public Pricing withCachedInput(double v) {
        return new Pricing(outputPerMTok, inputPerMTok, v, gpuPerHour, asOf, source);
    }

    public Pricing withGpuPerHour(double v) {
        return new Pricing(outputPerMTok, inputPerMTok, cachedInputPerMTok, v, asOf, source);
    }
}

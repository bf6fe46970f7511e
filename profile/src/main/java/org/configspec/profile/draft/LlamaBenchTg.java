package org.configspec.profile.draft;

/**
 * llama-bench's {@code tg} figure next to a ConfigSpec measurement: the median over rounds of its mean tok/s and of
 * its standard deviation, or why there is none.
 *
 * @param status       whether llama-bench ran
 * @param meanTokPerS  median over rounds of {@code avg_ts} (NaN unless measured)
 * @param stddevTokPerS median over rounds of {@code stddev_ts} (NaN unless measured)
 */
public record LlamaBenchTg(Status status, double meanTokPerS, double stddevTokPerS) {
    /** No executable given or found; it ran and gave a figure; it ran and failed. */
    public enum Status { NOT_AVAILABLE, MEASURED, FAILED }

    public LlamaBenchTg {
        if (status == null) {
            throw new IllegalArgumentException("status is required");
        }
        if (status == Status.MEASURED && !(meanTokPerS > 0)) {
            throw new IllegalArgumentException("llama-bench tok/s = " + meanTokPerS + ": allowed a positive number");
        }
    }

    public static LlamaBenchTg notAvailable() {
        return new LlamaBenchTg(Status.NOT_AVAILABLE, Double.NaN, Double.NaN);
    }

    public static LlamaBenchTg failed() {
        return new LlamaBenchTg(Status.FAILED, Double.NaN, Double.NaN);
    }

    public boolean measured() {
        return status == Status.MEASURED;
    }
}

package org.configspec.sim;

import java.util.SplittableRandom;
import org.configspec.core.error.ConfigSpecException;

/** The network round trip of one verify round, in seconds, drawn per round (half on the way up, half on the way down). */
public sealed interface RttModel {
    /** One round trip starting at simulated time {@code now}. */
    double sample(double now, SplittableRandom rng);

    /** Median round trip at time {@code now} (the constant, or the lognormal's median). */
    double median(double now);

    String describe();

    /** The same round trip every round. */
    record Constant(double seconds) implements RttModel {
        public Constant {
            nonNegative("--rtt", seconds);
        }

        @Override
        public double sample(double now, SplittableRandom rng) {
            return seconds;
        }

        @Override
        public double median(double now) {
            return seconds;
        }

        @Override
        public String describe() {
            return "constant " + Text.ms(seconds);
        }
    }

    /** Lognormal: exp(N(ln median, sigma²)); mean = median · exp(sigma² / 2). */
    record LogNormal(double medianS, double sigma) implements RttModel {
        public LogNormal {
            nonNegative("--rtt (lognormal median)", medianS);
            nonNegative("--rtt-sigma", sigma);
        }

        @Override
        public double sample(double now, SplittableRandom rng) {
            return LogNormalSampler.withMedian(medianS, sigma, rng);
        }

        @Override
        public double median(double now) {
            return medianS;
        }

        @Override
        public String describe() {
            return "lognormal, median " + Text.ms(medianS) + ", sigma " + Text.num(sigma);
        }
    }

    /**
     * Measured round trips drawn with replacement, e.g. from link-emulator runs ({@link RttFile}); the median is the
     * sample's (nearest rank).
     */
    record Empirical(double[] seconds, String source) implements RttModel {
        public Empirical {
            if (seconds.length == 0) {
                throw new ConfigSpecException("--rtt-file " + source + ": no round trips");
            }
            seconds = seconds.clone();
            for (double v : seconds) {
                nonNegative("--rtt-file " + source + ": a round trip", v);
            }
        }

        @Override
        public double sample(double now, SplittableRandom rng) {
            return seconds[rng.nextInt(seconds.length)];
        }

        @Override
        public double median(double now) {
            return Summary.of(seconds, seconds.length).p50();
        }

        @Override
        public String describe() {
            return "empirical, " + seconds.length + " round trips from " + source + " (median " + Text.ms(median(0)) + ")";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Empirical e && java.util.Arrays.equals(e.seconds, seconds) && e.source.equals(source);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(seconds) * 31 + source.hashCode();
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    /** One model until {@code atS} seconds of simulated time, another from then on (a scheduled change of the link). */
    record Switching(RttModel before, RttModel after, double atS) implements RttModel {
        public Switching {
            nonNegative("--rtt-switch-at", atS);
        }

        @Override
        public double sample(double now, SplittableRandom rng) {
            return now < atS ? before.sample(now, rng) : after.sample(now, rng);
        }

        @Override
        public double median(double now) {
            return now < atS ? before.median(now) : after.median(now);
        }

        @Override
        public String describe() {
            return before.describe() + " until " + Text.num(atS) + " s, then " + after.describe();
        }
    }

    private static void nonNegative(String what, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new ConfigSpecException(what + " = " + v + ": allowed a finite number >= 0");
        }
    }
}

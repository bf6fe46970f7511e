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
            return medianS * Math.exp(sigma * Gaussian.next(rng));
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

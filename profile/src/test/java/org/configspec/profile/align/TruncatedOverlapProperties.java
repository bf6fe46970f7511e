package org.configspec.profile.align;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * The β bounds from a top-N listing hold for any pair of distributions, any N and any temperature: they contain the
 * exact Σ min(p_T, q) computed from the full target distribution, are exact when everything is listed, and at
 * temperature 1 are at most the unlisted mass wide and never widen as N grows.
 */
class TruncatedOverlapProperties {

    @Property(tries = 400, seed = "20261130")
    void boundsContainTheExactOverlapAtAnyTemperature(@ForAll @IntRange(min = 2, max = 60) int vocab,
                                                       @ForAll @IntRange(min = 1, max = 60) int listed,
                                                       @ForAll @DoubleRange(min = 0.2, max = 4) double temperature,
                                                       @ForAll @DoubleRange(min = 0.1, max = 6) double spread,
                                                       @ForAll long seed) {
        int n = Math.min(listed, vocab);
        SplittableRandom r = new SplittableRandom(seed);
        double[] logits = logits(vocab, spread, r);
        double[] q = softmax(logits(vocab, spread, r), temperature);
        TopRow row = topN(softmax(logits, 1), n);
        double exact = ExpectedAcceptance.overlap(softmax(logits, temperature), q);
        TruncatedOverlap.Bounds b = TruncatedOverlap.bounds(row, temperature, q);
        assertThat(exact).isBetween(b.lo() - 1e-9, b.hi() + 1e-9);
        if (n == vocab) {
            assertThat(b.width()).isCloseTo(0, within(1e-9));
        }
    }

    @Property(tries = 300, seed = "20261130")
    void atTemperatureOneTheWidthIsAtMostTheUnlistedMassAndShrinksWithN(
            @ForAll @IntRange(min = 2, max = 80) int vocab, @ForAll @DoubleRange(min = 0.1, max = 6) double spread,
            @ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] p = softmax(logits(vocab, spread, r), 1);
        double[] q = softmax(logits(vocab, spread, r), 1);
        double exact = ExpectedAcceptance.overlap(p, q);
        double previous = Double.POSITIVE_INFINITY;
        for (int n = 1; n <= vocab; n++) {
            TopRow row = topN(p, n);
            TruncatedOverlap.Bounds b = TruncatedOverlap.bounds(row, 1, q);
            assertThat(exact).isBetween(b.lo() - 1e-9, b.hi() + 1e-9);
            assertThat(b.width()).isLessThanOrEqualTo(row.unlistedMass() + 1e-9)
                    .isLessThanOrEqualTo(previous + 1e-9);
            previous = b.width();
        }
    }

    @Property(tries = 200, seed = "20261130")
    void aDraftInsideTheListingGivesTheExactOverlapAtTemperatureOne(@ForAll @IntRange(min = 3, max = 50) int vocab,
                                                                     @ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] p = softmax(logits(vocab, 3, r), 1);
        TopRow row = topN(p, vocab / 2 + 1);
        double[] q = new double[vocab];
        int[] ids = row.ids();
        for (int id : ids) {
            q[id] = r.nextDouble() + 1e-3;
        }
        double s = Arrays.stream(q).sum();
        for (int i = 0; i < vocab; i++) {
            q[i] /= s;
        }
        TruncatedOverlap.Bounds b = TruncatedOverlap.bounds(row, 1, q);
        assertThat(b.width()).isCloseTo(0, within(1e-12));
        assertThat(b.lo()).isCloseTo(ExpectedAcceptance.overlap(p, q), within(1e-9));
    }

    static double[] logits(int vocab, double spread, SplittableRandom r) {
        return IntStream.range(0, vocab).mapToDouble(i -> spread * r.nextGaussian()).toArray();
    }

    static double[] softmax(double[] logits, double t) {
        double max = Arrays.stream(logits).max().orElseThrow();
        double[] p = Arrays.stream(logits).map(l -> Math.exp((l - max) / t)).toArray();
        double s = Arrays.stream(p).sum();
        return Arrays.stream(p).map(x -> x / s).toArray();
    }

    /** What a server lists: the N most likely ids of p (temperature 1) with their natural-log probabilities. */
    static TopRow topN(double[] p, int n) {
        int[] ids = IntStream.range(0, p.length).boxed().sorted(Comparator.comparingDouble(i -> -p[i])).limit(n)
                .mapToInt(Integer::intValue).toArray();
        return new TopRow(ids, Arrays.stream(ids).mapToDouble(i -> Math.log(p[i])).toArray());
    }
}

package org.configspec.profile.align;

import org.configspec.core.stats.Interval;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The intervals reported with every acceptance figure. */
class IntervalsTest {

    @Test
    void bootstrapIsDeterministicForASeedAndBracketsTheMean() {
        double[] v = {0.2, 0.4, 0.35, 0.5, 0.45, 0.3, 0.25, 0.6};
        Interval a = Bootstrap.defaults(42).meanInterval(v);
        Interval b = Bootstrap.defaults(42).meanInterval(v);
        assertThat(a).isEqualTo(b);
        assertThat(a.low()).isLessThan(0.38125).isGreaterThan(0.2);
        assertThat(a.high()).isGreaterThan(0.38125).isLessThan(0.6);
        assertThat(Bootstrap.defaults(42).meanInterval(new double[] {0.5}).halfWidth()).isNaN();
    }

    @Test
    void bootstrapOfIdenticalValuesHasZeroWidth() {
        assertThat(Bootstrap.defaults(1).meanInterval(new double[] {0.7, 0.7, 0.7}).halfWidth()).isZero();
    }

    @Test
    void wilsonMatchesTheTextbookValue() {
        // 8 of 10: Wilson 95 % = [0.4902, 0.9433]
        Interval w = Wilson.interval(8, 10);
        assertThat(w.low()).isCloseTo(0.4902, within(1e-4));
        assertThat(w.high()).isCloseTo(0.9433, within(1e-4));
        assertThat(Wilson.interval(10, 10).high()).isCloseTo(1.0, within(1e-12));
    }
}

package org.configspec.core.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MedianTest {

    @Test
    void oddCountIsTheMiddleSample() {
        assertThat(Median.of(9, 1, 5)).isEqualTo(5);
    }

    @Test
    void evenCountIsTheMeanOfTheTwoMiddleSamples() {
        assertThat(Median.of(4, 1, 3, 100)).isEqualTo(3.5);
    }

    @Test
    void leavesTheCallersArrayUnsorted() {
        double[] xs = {3, 1, 2};
        Median.of(xs);
        assertThat(xs).containsExactly(3, 1, 2);
    }

    @Test
    void noSamplesHaveNoMedian() {
        assertThat(Median.of()).isNaN();
        assertThat(Median.ofSorted(new double[0])).isNaN();
    }

    @Test
    void sortedInputIsReadAsIs() {
        assertThat(Median.ofSorted(new double[] {1, 2, 7, 8})).isEqualTo(4.5);
        assertThat(Median.ofSorted(new double[] {42})).isEqualTo(42);
    }
}

package org.configspec.profile.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class SamplingProperties {
    @Property(tries = 200)
    void aSampleIsDistinctItemsOfTheSourceTheSameForTheSameSeedAndAPrefixOfALargerOne(
            @ForAll @IntRange(min = 1, max = 300) int size, @ForAll @IntRange(min = 1, max = 300) int n, @ForAll long seed) {
        int k = Math.min(n, size);
        List<Integer> items = IntStream.range(0, size).boxed().collect(Collectors.toList());
        List<Integer> s = Sampling.sample(items, k, seed, "test");
        assertThat(s).hasSize(k).doesNotHaveDuplicates();
        assertThat(items).containsAll(s);
        assertThat(Sampling.sample(items, k, seed, "test")).isEqualTo(s);
        assertThat(Sampling.sample(items, size, seed, "test").subList(0, k)).isEqualTo(s);
    }
}

package org.configspec.sim.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EventQueueTest {
    @Test
    void eventsLeaveInTimeOrderAndTiesInSchedulingOrder() {
        EventQueue q = new EventQueue(1);
        SplittableRandom rng = new SplittableRandom(1);
        record E(double t, int p) {
        }
        List<E> expected = new ArrayList<>();
        List<E> actual = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            double t = rng.nextInt(500); // many equal times
            q.add(t, i);
            expected.add(new E(t, i));
            if (i % 3 == 0) { // interleave removals with additions
                actual.add(new E(q.peekTime(), q.peekPayload()));
                q.poll();
            }
        }
        while (!q.isEmpty()) {
            actual.add(new E(q.peekTime(), q.peekPayload()));
            q.poll();
        }
        assertThat(actual).hasSize(expected.size());
        // removals interleaved with additions: each removal is the minimum (time, then insertion) of what was queued
        List<E> sortedTail = new ArrayList<>(actual.subList(3334, actual.size()));
        assertThat(sortedTail).isSortedAccordingTo(Comparator.comparingDouble(E::t).thenComparingInt(E::p));
        assertThat(actual.stream().map(E::p).sorted().toList())
                .isEqualTo(expected.stream().map(E::p).toList());
    }
}

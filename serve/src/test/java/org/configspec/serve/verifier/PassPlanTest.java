package org.configspec.serve.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The verifier's pass planner: which gaps between slots and which shorter requests are padded so that a group of
 * verifies costs fewer llama.cpp passes (serve/verifier/PassPlan).
 */
class PassPlanTest {
    /** Sessions in slots with tokens; every slot has {@code room} tokens of room unless set in {@code rooms}. */
    private record G(int[] slots, int[] tokens, int room, int[] rooms) {
        G(int[] slots, int[] tokens, int room) {
            this(slots, tokens, room, null);
        }

        PassPlan.Group group() {
            return PassPlan.Group.of(slots, tokens, slots.length,
                    slot -> rooms != null && slot < rooms.length && rooms[slot] >= 0 ? rooms[slot] : room);
        }
    }

    /** stories15M F32 here: a pass ≈ 7 ms, a token without logits ≈ 0.45 ms. */
    private static final PassPlan.Costs MEASURED = new PassPlan.Costs(7.0, 0.45);

    @Test
    void consecutiveSlotsWithEqualRequestsAreOnePassWithoutPadding() {
        G g = new G(new int[] {0, 1, 2, 3}, new int[] {5, 5, 5, 5}, 256);
        PassPlan p = PassPlan.plan(g.group(), MEASURED, 256);
        assertThat(p.segments()).containsExactly(new PassPlan.Segment(0, 3, 0, 3, 5));
        assertThat(p.padTokens(g.group())).isZero();
    }

    @Test
    void aOneSlotGapIsPaddedWhenItsTokensCostLessThanAPass() {
        // 5 pad tokens × 0.45 = 2.25 < 7: one pass of slots 0..2
        G g = new G(new int[] {0, 2}, new int[] {5, 5}, 256);
        PassPlan p = PassPlan.plan(g.group(), MEASURED, 256);
        assertThat(p.segments()).containsExactly(new PassPlan.Segment(0, 1, 0, 2, 5));
        assertThat(p.padTokens(g.group())).isEqualTo(5);
        assertThat(p.passes()).isEqualTo(1);
    }

    @Test
    void aWideGapStaysTwoPassesWhenPaddingItCostsMore() {
        // 4 gap slots × 5 tokens × 0.45 = 9 > 7
        G g = new G(new int[] {0, 5}, new int[] {5, 5}, 256);
        PassPlan p = PassPlan.plan(g.group(), MEASURED, 256);
        assertThat(p.segments()).containsExactly(new PassPlan.Segment(0, 0, 0, 0, 5),
                new PassPlan.Segment(1, 1, 5, 5, 5));
        assertThat(p.padTokens(g.group())).isZero();
    }

    @Test
    void shorterRequestsArePaddedToTheLongestOfTheirPass() {
        // K = 2 between K = 4 requests: llama.cpp would split at the shorter length; padding 2 tokens is cheaper
        G g = new G(new int[] {0, 1, 2}, new int[] {5, 3, 5}, 256);
        PassPlan p = PassPlan.plan(g.group(), MEASURED, 256);
        assertThat(p.segments()).containsExactly(new PassPlan.Segment(0, 2, 0, 2, 5));
        assertThat(p.padTokens(g.group())).isEqualTo(2);
    }

    @Test
    void aGapSlotWithoutRoomIsNeverPadded() {
        int[] rooms = {-1, 3, -1};
        G g = new G(new int[] {0, 2}, new int[] {5, 5}, 256, rooms);
        PassPlan p = PassPlan.plan(g.group(), MEASURED, 256);
        assertThat(p.passes()).isEqualTo(2);
        assertThat(p.padTokens(g.group())).isZero();
    }

    @Test
    void aPlanOverTheBatchCapacityFallsBackToNoPadding() {
        G g = new G(new int[] {0, 2}, new int[] {5, 5}, 256);
        PassPlan p = PassPlan.plan(g.group(), MEASURED, 14);
        assertThat(p.totalTokens()).isEqualTo(10);
        assertThat(p.passes()).isEqualTo(2);
    }

    @Test
    void theMeasuredCaseOfSixSessionsInEveryOtherSlotBecomesOnePass() {
        // slots {0, 2, .., 10} cost 58–64 ms unpadded and 50 ms with every gap filled (stories15M F32, measured)
        G g = new G(new int[] {0, 2, 4, 6, 8, 10}, new int[] {5, 5, 5, 5, 5, 5}, 256);
        PassPlan p = PassPlan.plan(g.group(), MEASURED, 256);
        assertThat(p.passes()).isEqualTo(1);
        assertThat(PassPlan.unpadded(g.group()).passes()).isEqualTo(6);
    }

    @Test
    void slotsMustIncrease() {
        G g = new G(new int[] {3, 1}, new int[] {2, 2}, 256);
        assertThatThrownBy(() -> PassPlan.plan(g.group(), MEASURED, 256)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("slots must increase: 3 then 1");
        assertThatThrownBy(() -> new PassPlan.Costs(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Σ (pass + pad tokens × pad cost) of a plan. */
    private static double cost(PassPlan p, G g, PassPlan.Costs c) {
        return p.passes() * c.pass() + p.padTokens(g.group()) * c.padToken();
    }

    @Property(tries = 300)
    void everyPlanCoversTheGroupInOrderWithinRoomAndCostsNoMoreThanNoPadding(
            @ForAll @IntRange(min = 1, max = 16) int sessions, @ForAll @IntRange(min = 0, max = 1_000_000) int seed,
            @ForAll @DoubleRange(min = 0, max = 40) double pass, @ForAll @DoubleRange(min = 0.05, max = 3) double pad) {
        java.util.Random r = new java.util.Random(seed);
        TreeSet<Integer> chosen = new TreeSet<>();
        while (chosen.size() < sessions) {
            chosen.add(r.nextInt(24));
        }
        int[] slots = chosen.stream().mapToInt(Integer::intValue).toArray();
        int[] tokens = new int[sessions];
        for (int i = 0; i < sessions; i++) {
            tokens[i] = 1 + r.nextInt(9);
        }
        int[] rooms = new int[24];
        Arrays.fill(rooms, -1);
        for (int s = 0; s < 24; s++) {
            if (r.nextInt(5) == 0) {
                rooms[s] = r.nextInt(12);
            }
        }
        for (int i = 0; i < sessions; i++) {
            rooms[slots[i]] = Math.max(rooms[slots[i]], tokens[i]); // a session's own request always fits
        }
        G g = new G(slots, tokens, 64, rooms);
        PassPlan.Costs c = new PassPlan.Costs(pass, pad);
        PassPlan p = PassPlan.plan(g.group(), c, 10_000);
        int expectFirst = 0;
        for (PassPlan.Segment s : p.segments()) {
            assertThat(s.first()).isEqualTo(expectFirst);
            assertThat(s.firstSlot()).isEqualTo(slots[s.first()]);
            assertThat(s.lastSlot()).isEqualTo(slots[s.last()]);
            for (int slot = s.firstSlot(); slot <= s.lastSlot(); slot++) {
                assertThat(g.group().room(slot)).isGreaterThanOrEqualTo(s.tokens());
            }
            for (int i = s.first(); i <= s.last(); i++) {
                assertThat(s.tokens()).isGreaterThanOrEqualTo(tokens[i]);
            }
            expectFirst = s.last() + 1;
        }
        assertThat(expectFirst).isEqualTo(sessions);
        assertThat(cost(p, g, c)).isLessThanOrEqualTo(cost(PassPlan.unpadded(g.group()), g, c) + 1e-9);
    }
}

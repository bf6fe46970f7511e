package org.configspec.profile.align;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The replay arithmetic: accepted lengths per round from the per-position draft/target matches. */
class GreedyReplayTest {

    @Test
    void acceptedLengthIsTheMatchRunCappedAtKAndTheRoundCommitsLPlusOne() {
        //                      q: 0     1     2     3      4     5     6     7
        boolean[] match = {true, true, true, false, true, true, false, true};
        assertThat(GreedyReplay.runs(match)).containsExactly(3, 2, 1, 0, 2, 1, 0, 1, 0);
        // K=2: p=0 L=2 -> p=3 L=0 -> p=4 L=2 -> p=7: 7+2 >= 8 stop
        assertThat(GreedyReplay.acceptedLengths(match, 2)).containsExactly(2, 0, 2);
        assertThat(GreedyReplay.roundStarts(match, 2)).containsExactly(0, 3, 4);
        // K=1: p=0 L=1 -> p=2 L=1 -> p=4 L=1 -> p=6 L=0 -> p=7: 7+1 >= 8 stop
        assertThat(GreedyReplay.acceptedLengths(match, 1)).containsExactly(1, 1, 1, 0);
    }

    @Test
    void aRoundNeedsAllItsKPlusOneTargetPositionsInsideTheContinuation() {
        assertThat(GreedyReplay.acceptedLengths(new boolean[] {true, true, true}, 3)).isEmpty();
        assertThat(GreedyReplay.acceptedLengths(new boolean[] {true, true, true, true}, 3)).containsExactly(3);
    }

    /** Naive oracle: a draft that proposes K tokens and a verifier that compares them one by one. */
    static int[] naive(boolean[] match, int k) {
        List<Integer> out = new ArrayList<>();
        int p = 0;
        while (p + k < match.length) {
            int l = 0;
            for (int i = 0; i < k; i++) {
                if (!match[p + i]) {
                    break;
                }
                l++;
            }
            out.add(l);
            p += l + 1;
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    @Test
    void replayEqualsNaiveRoundByRoundSimulationOnSeededRandomMatches() {
        SplittableRandom r = new SplittableRandom(42);
        for (int trial = 0; trial < 500; trial++) {
            boolean[] match = new boolean[r.nextInt(81)];
            double rate = r.nextDouble();
            for (int q = 0; q < match.length; q++) {
                match[q] = r.nextDouble() < rate;
            }
            for (int k = 1; k <= 12; k++) {
                assertThat(GreedyReplay.acceptedLengths(match, k)).as("trial %d K=%d", trial, k)
                        .isEqualTo(naive(match, k));
            }
        }
    }
}

package org.configspec.profile.align;

import java.util.Arrays;
import org.configspec.core.error.Check;

/**
 * Greedy speculative rounds replayed from one alignment: {@code match[q]} says whether the draft's greedy token after
 * the target's prefix T[0..q-1] equals T[q]. From committed prefix p the draft's greedy K-run agrees with T for exactly
 * run(p) = consecutive matches from p tokens (later drafted tokens no longer matter), so L = min(K, run(p)) and the
 * next round starts at p + L + 1. Rounds are counted while p + K &lt; n (all K + 1 target positions known). Pure.
 */
public final class GreedyReplay {
    private GreedyReplay() {
    }

    /** run[q] = number of consecutive true values of match from q on; run has length n + 1 (run[n] = 0). */
    public static int[] runs(boolean[] match) {
        int[] run = new int[match.length + 1];
        for (int q = match.length - 1; q >= 0; q--) {
            run[q] = match[q] ? run[q + 1] + 1 : 0;
        }
        return run;
    }

    /** Accepted length L of each counted round with K drafted tokens, in round order. */
    public static int[] acceptedLengths(boolean[] match, int k) {
        Check.atLeast("K", k, 1);
        int[] run = runs(match);
        int n = match.length;
        int[] out = new int[Math.max(0, n)];
        int rounds = 0;
        int p = 0;
        while (p + k < n) {
            int l = Math.min(k, run[p]);
            out[rounds++] = l;
            p += l + 1;
        }
        return Arrays.copyOf(out, rounds);
    }

    /** Start position (committed prefix) of each counted round with K drafted tokens. */
    public static int[] roundStarts(boolean[] match, int k) {
        int[] lengths = acceptedLengths(match, k);
        int[] starts = new int[lengths.length];
        int p = 0;
        for (int r = 0; r < lengths.length; r++) {
            starts[r] = p;
            p += lengths[r] + 1;
        }
        return starts;
    }
}

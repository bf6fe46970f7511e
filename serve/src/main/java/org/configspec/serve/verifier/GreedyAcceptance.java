package org.configspec.serve.verifier;

import java.util.List;
import java.util.SplittableRandom;
import org.configspec.serve.protocol.SparseDistribution;

/** Lossless greedy acceptance: the longest drafted prefix equal to the target's argmax, then the target's argmax. */
final class GreedyAcceptance implements Acceptance {
    static final GreedyAcceptance INSTANCE = new GreedyAcceptance();

    private GreedyAcceptance() {
    }

    @Override
    public Outcome accept(int[] draft, List<SparseDistribution> draftProbs, TargetRows rows, SplittableRandom random) {
        int l = 0;
        int t = rows.argmax(0);
        while (l < draft.length && draft[l] == t) {
            l++;
            t = rows.argmax(l);
        }
        return new Outcome(l, t);
    }
}

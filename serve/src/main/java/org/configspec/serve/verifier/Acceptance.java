package org.configspec.serve.verifier;

import java.util.List;
import java.util.SplittableRandom;
import org.configspec.serve.protocol.SparseDistribution;

/** How drafted tokens are accepted against the target's rows (a strategy: greedy or rejection sampling). */
interface Acceptance {

    /** L accepted drafted tokens and the target's token after them. */
    record Outcome(int accepted, int token) {
    }

    Outcome accept(int[] draft, List<SparseDistribution> draftProbs, TargetRows rows, SplittableRandom random);

    /** The target's top-k this strategy samples from (0 = off, and for greedy). */
    default int targetTopK() {
        return 0;
    }
}

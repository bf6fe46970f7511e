package org.configspec.serve.verifier;

import java.util.List;
import java.util.SplittableRandom;
import org.configspec.serve.protocol.SparseDistribution;

/** How drafted tokens are accepted against the target's rows (a strategy: greedy or rejection sampling). */
interface Acceptance {

    /** The target's rows of one verify: row i holds the target's logits after committed + draft[0..i-1]. */
    interface Rows {
        int argmax(int i);

        float[] logits(int i);
    }

    /** L accepted drafted tokens and the target's token after them. */
    record Outcome(int accepted, int token) {
    }

    Outcome accept(int[] draft, List<SparseDistribution> draftProbs, Rows rows, SplittableRandom random);
}

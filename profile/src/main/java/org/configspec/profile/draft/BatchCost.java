package org.configspec.profile.draft;

import org.configspec.core.error.Check;

/**
 * Cost of verifying K tokens in one batch (logits on every row) against one token and against K sequential
 * single-token decodes, after the same prefix.
 *
 * @param k                   tokens in the batch
 * @param batchMs             median time of the batch of K [ms]
 * @param sequentialMs        median time of K single-token decodes [ms]
 * @param batchOverOneToken   batchMs over the batch of K = 1
 * @param sequentialOverBatch sequentialMs over batchMs
 */
public record BatchCost(int k, double batchMs, double sequentialMs, double batchOverOneToken,
                        double sequentialOverBatch) {
    public BatchCost {
        Check.atLeast("k", k, 1);
        Check.positive("batchMs", batchMs);
        Check.positive("sequentialMs", sequentialMs);
    }
}

package org.configspec.serve.client;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.configspec.llm.engine.DecodeStep;
import org.configspec.llm.engine.LlamaSession;
import org.configspec.llm.sampling.Distribution;
import org.configspec.llm.sampling.Sampler;
import org.configspec.llm.sampling.SamplingParams;
import org.configspec.serve.protocol.SparseDistribution;

/**
 * The draft model's side of a run on sequence 0 of its own llama session: keeps its KV cache in step with the
 * committed tokens (decoding the ones it has not seen, truncating what a round rejected) and drafts K tokens, greedy
 * or sampled from its top-k distribution (returned, for rejection sampling on the verifier).
 */
final class Drafter {
    /** K drafted tokens and, when sampling, the distribution each was drawn from. */
    record Draft(int[] tokens, List<SparseDistribution> distributions) {
    }

    private final LlamaSession llama;
    private final Sampler sampler;
    private final SplittableRandom random;
    private final DecodeStep step;
    private int seen;

    Drafter(LlamaSession llama, ClientOptions options) {
        this.llama = llama;
        this.sampler = options.greedy() ? null
                : new Sampler(new SamplingParams(options.temperature(), options.draftTopK(), 1, options.seed()));
        this.random = new SplittableRandom(options.seed() ^ 0x5DEECE66DL);
        this.step = new DecodeStep(llama);
    }

    int contextLimit() {
        return llama.contextPerSequence();
    }

    /** Decodes committed tokens [seen, length) so that the logits after the last committed token are at row 0/last. */
    private int catchUp(int[] committed, int length) {
        if (seen >= length) {
            // the last committed token is already in the cache: go back one to get its logits again
            llama.truncate(0, length - 1);
            seen = length - 1;
        }
        int row = step.prefill(committed, seen, length, DecodeStep.Logits.LAST);
        seen = length;
        return row;
    }

    /** Drafts k tokens after the committed ones (k may be 0: only the cache is caught up). */
    Draft draft(int[] committed, int length, int k) {
        int row = catchUp(committed, length);
        int[] d = new int[k];
        List<SparseDistribution> q = sampler == null ? null : new ArrayList<>(k);
        if (k == 0) {
            return new Draft(d, q);
        }
        d[0] = pick(row, q);
        if (sampler == null) {
            step.greedy(d[0], length, k - 1, d, 1);
        } else {
            for (int i = 1; i < k; i++) {
                step.step(d[i - 1], length + i - 1, true);
                d[i] = pick(DecodeStep.ROW, q);
            }
        }
        seen = length + k - 1;
        return new Draft(d, q);
    }

    private int pick(int row, List<SparseDistribution> q) {
        if (sampler == null) {
            return llama.argmax(row);
        }
        Distribution dist = sampler.distribution(llama.logits(row));
        int token = dist.sample(random.nextDouble());
        q.add(sparse(dist));
        return token;
    }

    /** The next token by the draft alone (local fallback); advances nothing but the cache. */
    int next(int[] committed, int length) {
        int row = catchUp(committed, length);
        return sampler == null ? llama.argmax(row) : sampler.distribution(llama.logits(row)).sample(random.nextDouble());
    }

    /** After a round: keep only committed tokens in the cache. */
    void keep(int committedLength) {
        if (seen > committedLength) {
            llama.truncate(0, committedLength);
            seen = committedLength;
        }
    }

    private static SparseDistribution sparse(Distribution d) {
        double[] p = d.probabilities();
        int n = 0;
        for (double v : p) {
            if (v > 0) {
                n++;
            }
        }
        int[] ids = new int[n];
        float[] probs = new float[n];
        int j = 0;
        for (int t = 0; t < p.length; t++) {
            if (p[t] > 0) {
                ids[j] = t;
                probs[j] = Math.max(Float.MIN_NORMAL, (float) p[t]);
                j++;
            }
        }
        return new SparseDistribution(ids, probs);
    }
}

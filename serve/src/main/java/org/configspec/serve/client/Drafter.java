package org.configspec.serve.client;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import org.configspec.llm.engine.DecodeStep;
import org.configspec.llm.engine.InferenceEngine;
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

    /**
     * Tokens drafted while a verify was in flight: the draft's guess of the verifier's next token ({@code bonus})
     * and up to K greedy tokens after it ({@code tokens}, maybe fewer when the answer came first), valid for the next
     * round only if the verifier accepts the whole draft and answers {@code bonus}.
     */
    record Ahead(int bonus, int[] tokens) {
    }

    private final InferenceEngine llama;
    private final Sampler sampler;
    private final SplittableRandom random;
    private final DecodeStep step;
    private int seen;

    Drafter(InferenceEngine llama, ClientOptions options) {
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

    /**
     * Greedy drafting ahead while the verify of {@code sent} (drafted after the committed tokens [0, length)) is in
     * flight, on the assumption that the verifier accepts all of it: decodes the last sent token (the round did not
     * need it), takes the draft's argmax as its guess of the verifier's token, then drafts up to {@code k} tokens
     * after the guess, one at a time, stopping as soon as {@code answered} says the answer came (the guess costs
     * nothing extra: its decode is the one the next round's catch-up would do). Null when the answer had already
     * come. Call right after {@link #draft} of {@code sent}; afterwards either {@link #resume} (the guess held) or
     * {@link #keep} (it did not).
     */
    Ahead ahead(int length, int[] sent, int k, BooleanSupplier answered) {
        if (sampler != null) {
            throw new IllegalStateException("drafting ahead is greedy only");
        }
        int n = sent.length;
        if (n == 0 || k < 1 || seen != length + n - 1 || answered.getAsBoolean()) {
            return null;
        }
        int bonus = step.greedy(sent[n - 1], length + n - 1);
        seen = length + n;
        int[] tokens = new int[k];
        int m = 0;
        int t = bonus;
        while (m < k && !answered.getAsBoolean()) {
            t = step.greedy(t, length + n + m);
            tokens[m++] = t;
            seen = length + n + m;
        }
        return new Ahead(bonus, java.util.Arrays.copyOf(tokens, m));
    }

    /**
     * The next round's draft of {@code k} tokens after the committed [0, length) from tokens already drafted ahead
     * ({@code have}, drafted after exactly these committed tokens, as {@link #ahead} left the cache): the first k of
     * them, completed greedily when there are fewer.
     */
    Draft resume(int[] committed, int length, int[] have, int k) {
        int m = have.length;
        if (m == 0) {
            return draft(committed, length, k);
        }
        if (seen != length + m - 1) {
            throw new IllegalStateException("draft cache at " + seen + ", expected " + (length + m - 1));
        }
        if (k == 0) {
            keep(length);
            return draft(committed, length, 0);
        }
        if (k <= m) {
            keep(length + k - 1);
            return new Draft(java.util.Arrays.copyOf(have, k), null);
        }
        int[] d = java.util.Arrays.copyOf(have, k);
        step.greedy(have[m - 1], length + m - 1, k - m, d, m);
        seen = length + k - 1;
        return new Draft(d, null);
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

package org.configspec.profile.align;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.configspec.core.error.Check;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.llm.engine.DecodeStep;
import org.configspec.llm.engine.InferenceEngine;
import org.configspec.llm.engine.TokenBatch;

/**
 * Real greedy speculative decoding on two engines (sequence 0 of each). Each round: the draft decodes the committed
 * tokens it has not seen one at a time, then drafts K tokens greedily (K single-token decodes in all); the target
 * verifies the last committed token and the K drafted ones in ONE batch with logits for every row; L = leading
 * drafted tokens equal to the target's argmax; the round commits them and the target's token at row L; both KV caches
 * are truncated back to the committed tokens. The last rounds draft K' = min(K, N − 1 − c) tokens so that exactly N
 * tokens are committed; a committed end-of-sequence token ends the run. Not thread-safe (drives the engines).
 */
public final class GreedySpeculativeDecoder {

    /** Observes each committed row of a verify batch: continuation position q, read from batch index {@code row}. */
    @FunctionalInterface
    public interface TargetRowObserver {
        void committedRow(int q, InferenceEngine target, int row);
    }

    /**
     * One round.
     *
     * @param start    continuation tokens committed before the round (the prefix p)
     * @param k        tokens drafted (K, or fewer in the clipped last rounds)
     * @param accepted L, drafted tokens accepted (0..k)
     */
    public record Round(int start, int k, int accepted) {
        public Round {
            Check.atLeast("round start", start, 0);
            Check.atLeast("round k", k, 0);
            if (accepted < 0 || accepted > k) {
                throw new org.configspec.core.error.ConfigSpecException("accepted = " + accepted + ": allowed 0.." + k);
            }
        }
    }

    /**
     * @param prompt    prompt tokens
     * @param committed continuation tokens committed (N, or fewer ending with end-of-sequence)
     * @param rounds    every round in order
     */
    public record Result(int[] prompt, int[] committed, List<Round> rounds) {
        public Result {
            prompt = prompt.clone();
            committed = committed.clone();
            rounds = List.copyOf(rounds);
        }

        @Override
        public int[] prompt() {
            return prompt.clone();
        }

        @Override
        public int[] committed() {
            return committed.clone();
        }
    }

    private final InferenceEngine target;
    private final InferenceEngine draft;

    public GreedySpeculativeDecoder(InferenceEngine target, InferenceEngine draft) {
        this.target = target;
        this.draft = draft;
    }

    public Result run(int[] prompt, int k, int tokens) {
        return run(prompt, k, tokens, null);
    }

    public Result run(int[] prompt, int k, int tokens, TargetRowObserver observer) {
        Check.atLeast("K", k, 1);
        Check.atLeast("tokens", tokens, 1);
        Prompts.checkFits(target, "target", prompt.length, tokens);
        Prompts.checkFits(draft, "draft", prompt.length, tokens);
        if (k + 1 > target.batchCapacity()) {
            throw new org.configspec.core.error.ConfigSpecException("K = " + k + " needs a target batch of " + (k + 1)
                    + " tokens; allowed K <= " + (target.batchCapacity() - 1));
        }
        int m = prompt.length;
        Prompts.decodePrefix(target, prompt);
        DecodeStep drafting = Prompts.decodePrefix(draft, prompt);
        int eos = target.tokenizer().eos();
        int[] seq = Arrays.copyOf(prompt, m + tokens + 1);
        int c = 0;
        int draftNext = m - 1;
        List<Round> rounds = new ArrayList<>();
        TokenBatch verify = new TokenBatch(k + 1);
        int[] d = new int[k];
        boolean ended = false;
        while (c < tokens && !ended) {
            int kr = Math.min(k, tokens - 1 - c);
            int last = m - 1 + c;
            if (kr > 0) {
                for (int pos = draftNext; pos <= last; pos++) {
                    drafting.step(seq[pos], pos, pos == last);
                }
                d[0] = draft.argmax(DecodeStep.ROW);
                drafting.greedy(d[0], last + 1, kr - 1, d, 1);
            }
            verify.clear();
            verify.add(seq[last], last, 0, true);
            for (int i = 0; i < kr; i++) {
                verify.add(d[i], last + 1 + i, 0, true);
            }
            target.decode(verify);
            int l = 0;
            while (l < kr && d[l] == target.argmax(l)) {
                l++;
            }
            int bonus = target.argmax(l);
            if (observer != null) {
                for (int i = 0; i <= l; i++) {
                    observer.committedRow(c + i, target, i);
                }
            }
            System.arraycopy(d, 0, seq, last + 1, l);
            seq[last + 1 + l] = bonus;
            rounds.add(new Round(c, kr, l));
            if (target.positionMax(0) > last + l) {
                target.truncate(0, last + l + 1);
            }
            if (kr > 0) {
                int keep = last + Math.min(l, kr - 1) + 1;
                if (draft.positionMax(0) >= keep) {
                    draft.truncate(0, keep);
                }
                draftNext = keep;
            }
            for (int j = c; j <= c + l; j++) {
                if (seq[m + j] == eos) {
                    c = j;
                    ended = true;
                    break;
                }
            }
            c += ended ? 1 : l + 1;
        }
        return new Result(prompt, Arrays.copyOfRange(seq, m, m + c), rounds);
    }
}

package org.configspec.llm.engine;

import java.util.Arrays;
import java.util.function.IntConsumer;
import org.configspec.llm.sampling.Sampler;

/**
 * Autoregressive generation on sequence 0 of an {@link InferenceEngine} through {@link DecodeStep}: clears the engine,
 * decodes the prompt in batches, then one token per decode. Stops after {@code maxTokens}, at end-of-sequence, or at
 * the end of the context.
 */
public final class Generator {

    /**
     * @param prompt        prompt token ids
     * @param tokens        generated token ids
     * @param promptNanos   time to decode the prompt and pick the first token
     * @param generateNanos time for the remaining tokens (tokens.length - 1 single-token decodes)
     */
    public record Result(int[] prompt, int[] tokens, long promptNanos, long generateNanos) {
        public Result {
            prompt = prompt.clone();
            tokens = tokens.clone();
        }

        @Override
        public int[] tokens() {
            return tokens.clone();
        }

        @Override
        public int[] prompt() {
            return prompt.clone();
        }

        /** Decode speed after the first token, in tokens per second (NaN if fewer than two tokens). */
        public double decodeTokensPerSecond() {
            return tokens.length < 2 ? Double.NaN : (tokens.length - 1) / (generateNanos / 1e9);
        }
    }

    private Generator() { }

    public static Result generate(InferenceEngine engine, int[] prompt, int maxTokens, Sampler sampler,
                                  IntConsumer onToken) {
        if (prompt.length == 0) {
            throw new IllegalArgumentException("prompt is empty: at least one token is needed");
        }
        engine.clear();
        int eos = engine.tokenizer().eos();
        int limit = engine.contextPerSequence();
        if (prompt.length >= limit) {
            throw new IllegalArgumentException("prompt of " + prompt.length + " tokens does not fit the context of "
                    + limit + " positions: allowed at most " + (limit - 1) + " tokens");
        }
        int[] out = new int[Math.max(0, maxTokens)];
        int n = 0;
        long t0 = System.nanoTime();
        DecodeStep step = new DecodeStep(engine);
        int row = step.prefill(prompt, 0, prompt.length, DecodeStep.Logits.LAST);
        boolean greedy = sampler.params().isGreedy();
        int next = greedy ? engine.argmax(row) : sampler.sample(engine.logits(row));
        long t1 = System.nanoTime();
        int pos = prompt.length;
        while (n < maxTokens && next != eos) {
            out[n++] = next;
            if (onToken != null) {
                onToken.accept(next);
            }
            if (n == maxTokens || pos >= limit) {
                break;
            }
            if (greedy) {
                next = step.greedy(next, pos++);
            } else {
                step.step(next, pos++, true);
                next = sampler.sample(engine.logits(DecodeStep.ROW));
            }
        }
        long t2 = System.nanoTime();
        return new Result(prompt, Arrays.copyOf(out, n), t1 - t0, t2 - t1);
    }
}

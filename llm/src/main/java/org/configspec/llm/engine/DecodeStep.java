package org.configspec.llm.engine;

/**
 * The decode loop of one sequence of an {@link InferenceEngine}, written once: batched prefill of a token array, the
 * single-token step (one token at one position, its logits at batch index {@link #ROW}), and the greedy continuation
 * (step, argmax, feed the argmax back). Generation, drafting, alignment and the decode benchmarks all run through it,
 * so a benchmark of this class times the production loop.
 * <p>Positions follow the array convention of the callers: in {@link #prefill} and {@link #force} token
 * {@code tokens[i]} sits at position {@code i} of the sequence (a whole sequence held in one array).
 * <p>Not thread-safe, like the engine it drives (it reuses one batch).
 */
public final class DecodeStep {
    /** Batch index of the logits row after a single-token step. */
    public static final int ROW = 0;

    /** Which entries of a prefill ask for logits. */
    public enum Logits { NONE, LAST, ALL }

    private final InferenceEngine engine;
    private final int sequence;
    private final TokenBatch one = new TokenBatch(1);
    private TokenBatch batch;

    /** Steps sequence 0 of {@code engine}. */
    public DecodeStep(InferenceEngine engine) {
        this(engine, 0);
    }

    public DecodeStep(InferenceEngine engine, int sequence) {
        if (engine == null) {
            throw new IllegalArgumentException("engine is null");
        }
        if (sequence < 0 || sequence >= engine.sequences()) {
            throw new IllegalArgumentException("sequence " + sequence + " out of range 0.." + (engine.sequences() - 1));
        }
        this.engine = engine;
        this.sequence = sequence;
    }

    public InferenceEngine engine() {
        return engine;
    }

    /**
     * Decodes {@code tokens[from, to)} at positions {@code from..to-1} in batches of at most the engine's
     * {@link InferenceEngine#batchCapacity()} tokens. Returns the batch index of the logits row of {@code tokens[to-1]}
     * in the last batch (valid when {@code logits} is not {@link Logits#NONE}); -1 when the range is empty.
     */
    public int prefill(int[] tokens, int from, int to, Logits logits) {
        if (from < 0 || to > tokens.length || from > to) {
            throw new IllegalArgumentException("prefill range [" + from + ", " + to + ") outside 0.." + tokens.length);
        }
        if (from == to) {
            return -1;
        }
        int cap = engine.batchCapacity();
        if (batch == null) {
            batch = new TokenBatch(Math.min(to - from, cap));
        }
        for (int start = from; start < to; start += cap) {
            batch.clear();
            int end = Math.min(to, start + cap);
            for (int i = start; i < end; i++) {
                batch.add(tokens[i], i, sequence, logits == Logits.ALL || logits == Logits.LAST && i == to - 1);
            }
            engine.decode(batch);
        }
        return batch.size() - 1;
    }

    /** One single-token decode: {@code token} at {@code position}, its logits at batch index {@link #ROW} if asked. */
    public void step(int token, int position, boolean logits) {
        one.clear();
        one.add(token, position, sequence, logits);
        engine.decode(one);
    }

    /** The greedy step: decodes {@code token} at {@code position} and returns the argmax of its logits. */
    public int greedy(int token, int position) {
        step(token, position, true);
        return engine.argmax(ROW);
    }

    /**
     * Greedy continuation: {@code count} greedy steps from {@code token} at {@code position}, each argmax fed back at
     * the next position. The produced tokens go to {@code out[offset..offset+count)} when {@code out} is not null.
     * Returns the last produced token ({@code token} itself when {@code count} is 0). No stop token: callers that
     * stop at end-of-sequence step one at a time.
     */
    public int greedy(int token, int position, int count, int[] out, int offset) {
        if (count < 0) {
            throw new IllegalArgumentException("count " + count + " must be >= 0");
        }
        if (out != null && (offset < 0 || offset + count > out.length)) {
            throw new IllegalArgumentException("output range [" + offset + ", " + (offset + count) + ") outside 0.."
                    + out.length);
        }
        int t = token;
        for (int i = 0; i < count; i++) {
            t = greedy(t, position + i);
            if (out != null) {
                out[offset + i] = t;
            }
        }
        return t;
    }

    /**
     * Teacher forcing: single-token decodes of {@code tokens[from, from+count)} at positions {@code from..}, logits on
     * each (the cost of a greedy step without the argmax, as llama-bench's {@code tg} test feeds its tokens).
     */
    public void force(int[] tokens, int from, int count) {
        if (from < 0 || count < 0 || from + count > tokens.length) {
            throw new IllegalArgumentException("forced range [" + from + ", " + (from + count) + ") outside 0.."
                    + tokens.length);
        }
        for (int i = from; i < from + count; i++) {
            step(tokens[i], i, true);
        }
    }
}

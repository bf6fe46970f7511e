package org.configspec.llm.remote;

import org.configspec.llm.engine.ContextOptions;
import org.configspec.llm.engine.DecodeStep;
import org.configspec.llm.engine.LlamaModel;
import org.configspec.llm.engine.LlamaSession;
import org.configspec.llm.engine.TokenBatch;

/**
 * Our own engine's exact answers (stories15M through llama.cpp in-process) for what a serving engine is asked:
 * the full log-softmax distribution at every position of a sequence, and the greedy continuation with EOS ignored
 * (EOS never chosen, as a server's {@code ignore_eos} does by a logit bias) with the distribution of each step.
 * The oracle of the adapter tests and the numbers behind {@link EngineStandInServer}. Thread-safe (one session,
 * synchronized).
 */
public final class ReferenceEngine implements AutoCloseable {
    private final LlamaModel model;
    private final LlamaSession session;

    /** The greedy continuation and, per generated position, the full log-probability row that produced it. */
    public record Continuation(int[] ids, double[][] logRows) { }

    public ReferenceEngine(LlamaModel model) {
        this.model = model;
        this.session = model.newSession(ContextOptions.defaults().withThreads(1).withContextSize(0)
                .withBatchCapacity(64).exact());
    }

    public LlamaModel model() {
        return model;
    }

    /** Row p is log p(· | ids[0..p]), the distribution that predicts ids[p + 1]. */
    public synchronized double[][] logRows(int[] ids) {
        session.clear();
        double[][] rows = new double[ids.length][];
        int cap = session.batchCapacity();
        TokenBatch b = new TokenBatch(cap);
        for (int start = 0; start < ids.length; start += cap) {
            b.clear();
            int end = Math.min(ids.length, start + cap);
            for (int i = start; i < end; i++) {
                b.add(ids[i], i, 0, true);
            }
            session.decode(b);
            for (int i = start; i < end; i++) {
                rows[i] = logSoftmax(session.logits(i - start));
            }
        }
        return rows;
    }

    /** {@code n} greedy tokens after {@code prompt}, EOS excluded from the argmax. */
    public synchronized Continuation greedy(int[] prompt, int n) {
        session.clear();
        DecodeStep step = new DecodeStep(session);
        int row = step.prefill(prompt, 0, prompt.length, DecodeStep.Logits.LAST);
        int eos = model.eos();
        int[] ids = new int[n];
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] lp = logSoftmax(session.logits(row));
            int best = -1;
            for (int t = 0; t < lp.length; t++) {
                if (t != eos && (best < 0 || lp[t] > lp[best])) {
                    best = t;
                }
            }
            ids[i] = best;
            rows[i] = lp;
            if (i + 1 < n) {
                step.step(best, prompt.length + i, true);
                row = DecodeStep.ROW;
            }
        }
        return new Continuation(ids, rows);
    }

    static double[] logSoftmax(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (float l : logits) {
            max = Math.max(max, l);
        }
        double sum = 0;
        for (float l : logits) {
            sum += Math.exp(l - max);
        }
        double log = Math.log(sum);
        double[] out = new double[logits.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = logits[i] - max - log;
        }
        return out;
    }

    /** The ids of the {@code n} most probable tokens of a row, most probable first (ties: lower id first). */
    public static int[] top(double[] row, int n) {
        int k = Math.min(n, row.length);
        int[] best = new int[k];
        int size = 0;
        for (int t = 0; t < row.length; t++) {
            if (size == k && !before(row, t, best[k - 1])) {
                continue;
            }
            int i = size < k ? size++ : k - 1;
            while (i > 0 && before(row, t, best[i - 1])) {
                best[i] = best[i - 1];
                i--;
            }
            best[i] = t;
        }
        return best;
    }

    private static boolean before(double[] row, int a, int b) {
        return row[a] > row[b] || row[a] == row[b] && a < b;
    }

    /** 1-based rank of {@code id} in a row. */
    public static int rank(double[] row, int id) {
        int r = 1;
        for (int t = 0; t < row.length; t++) {
            if (row[t] > row[id] || row[t] == row[id] && t < id) {
                r++;
            }
        }
        return r;
    }

    @Override
    public synchronized void close() {
        session.close();
    }
}

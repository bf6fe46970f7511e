package org.configspec.serve.backend;

import java.util.Arrays;
import java.util.List;
import org.configspec.llm.remote.PositionTop;
import org.configspec.llm.remote.TopEntry;
import org.configspec.serve.protocol.ProtocolException;
import org.configspec.serve.verifier.TargetRows;

/**
 * A round's rows as a serving engine listed them: row i is the engine's top-N at position + i. The argmax is the
 * listing's first entry (exact for greedy from N = 1); the logits hold the listed log-probabilities and -Infinity for
 * every unlisted token, so a sampler renormalises over the listing (exact when the listing holds the whole sampled
 * support: see {@link EngineBackend}). A backend that stopped early (greedy, at the first mismatch) holds fewer rows
 * than K + 1; acceptance never reads past a mismatch.
 */
final class ListingRows implements TargetRows {
    private final List<PositionTop> rows;
    private final int vocab;

    ListingRows(List<PositionTop> rows, int vocab) {
        this.rows = List.copyOf(rows);
        this.vocab = vocab;
    }

    int size() {
        return rows.size();
    }

    PositionTop row(int i) {
        if (i >= rows.size()) {
            throw new IllegalStateException("row " + i + " was not scored (the backend stopped after " + rows.size()
                    + " rows)");
        }
        return rows.get(i);
    }

    @Override
    public int argmax(int i) {
        int t = row(i).argmax();
        if (t < 0 || t >= vocab) {
            throw new ProtocolException(502, "the backend's top-1 at row " + i + " is token " + t + ", outside the"
                    + " vocabulary 0.." + (vocab - 1) + " of the server's tokenizer");
        }
        return t;
    }

    @Override
    public float[] logits(int i) {
        float[] l = new float[vocab];
        Arrays.fill(l, Float.NEGATIVE_INFINITY);
        for (TopEntry e : row(i).top()) {
            if (e.id() >= vocab) {
                throw new ProtocolException(502, "the backend listed token " + e.id() + " at row " + i + ", outside"
                        + " the vocabulary 0.." + (vocab - 1) + " of the server's tokenizer");
            }
            l[e.id()] = (float) e.logprob();
        }
        if (row(i).top().isEmpty()) {
            throw new ProtocolException(502, "the backend listed no token at row " + i);
        }
        return l;
    }
}

package org.configspec.serve.verifier;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.configspec.llm.engine.ContextOptions;
import org.configspec.llm.engine.LlamaModel;
import org.configspec.llm.engine.LlamaSession;
import org.configspec.llm.engine.TokenBatch;

/**
 * The target in-process: one llama session with one KV-cache sequence per session slot. A group of verifies is ONE
 * llama decode (the last committed token and the K drafted ones of every session, logits for each); a sequence's
 * cache always holds the committed tokens 0..length − 2 (the last one is decoded with the next draft).
 */
final class LlamaBackend implements VerificationBackend {
    private final LlamaModel model;
    private final LlamaSession llama;
    private final TokenBatch batch;

    LlamaBackend(LlamaModel model, VerifierConfig config) {
        this.model = model;
        int capacity = Math.max(config.maxBatch() * (config.maxK() + 1), config.contextPerSession());
        this.llama = model.newSession(ContextOptions.defaults().withThreads(config.threads())
                .withSequences(config.maxSessions()).withContextSize(config.contextPerSession())
                .withBatchCapacity(capacity).exact().withCpus(config.cpus()));
        this.batch = new TokenBatch(llama.batchCapacity());
    }

    @Override
    public String describe() {
        return model.path().getFileName() + " in-process (llama.cpp): one batched decode per group of verifies";
    }

    @Override
    public int groupCapacity() {
        return llama.batchCapacity();
    }

    @Override
    public void open(int slot, int[] prompt) {
        llama.truncate(slot, 0);
        int n = prompt.length - 1;
        if (n == 0) {
            return;
        }
        batch.clear();
        for (int i = 0; i < n; i++) {
            batch.add(prompt[i], i, slot, false);
        }
        llama.decode(batch);
    }

    /**
     * One llama decode for the whole group, its sessions' tokens added in increasing slot order: each session is its
     * own KV-cache stream (llama.cpp's default, not the unified cache), and llama.cpp puts into one micro-batch only
     * sessions whose slots follow one another in the batch (ascending, no gap); in arrival order a group of 16 split
     * into up to 16 graph computations. (A unified cache would take any order but makes every token attend over all
     * sessions' cells: half the throughput with 16 sessions of 80 positions on stories15M, measured.) The rows come
     * back in the order of {@code rounds}.
     */
    @Override
    public List<TargetRows> score(List<Round> rounds) {
        batch.clear();
        Integer[] bySlot = new Integer[rounds.size()];
        for (int j = 0; j < bySlot.length; j++) {
            bySlot[j] = j;
        }
        Arrays.sort(bySlot, Comparator.comparingInt(j -> rounds.get(j).slot()));
        TargetRows[] rows = new TargetRows[rounds.size()];
        for (int j : bySlot) {
            Round r = rounds.get(j);
            int p = r.position();
            int row0 = batch.size();
            batch.add(r.committed()[p - 1], p - 1, r.slot(), true);
            int[] draft = r.draft();
            for (int i = 0; i < draft.length; i++) {
                batch.add(draft[i], p + i, r.slot(), true);
            }
            rows[j] = new TargetRows() {
                @Override
                public int argmax(int i) {
                    return llama.argmax(row0 + i);
                }

                @Override
                public float[] logits(int i) {
                    return llama.logits(row0 + i);
                }
            };
        }
        llama.decode(batch);
        return Arrays.asList(rows);
    }

    @Override
    public void keep(int slot, int length) {
        llama.truncate(slot, length - 1);
    }

    @Override
    public void release(int slot) {
        llama.truncate(slot, 0);
    }

    @Override
    public void close() {
        llama.close();
    }
}

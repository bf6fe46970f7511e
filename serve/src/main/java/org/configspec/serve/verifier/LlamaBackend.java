package org.configspec.serve.verifier;

import java.util.ArrayList;
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

    @Override
    public List<TargetRows> score(List<Round> rounds) {
        batch.clear();
        List<TargetRows> rows = new ArrayList<>(rounds.size());
        for (Round r : rounds) {
            int p = r.position();
            int row0 = batch.size();
            batch.add(r.committed()[p - 1], p - 1, r.slot(), true);
            int[] draft = r.draft();
            for (int i = 0; i < draft.length; i++) {
                batch.add(draft[i], p + i, r.slot(), true);
            }
            rows.add(new TargetRows() {
                @Override
                public int argmax(int i) {
                    return llama.argmax(row0 + i);
                }

                @Override
                public float[] logits(int i) {
                    return llama.logits(row0 + i);
                }
            });
        }
        llama.decode(batch);
        return rows;
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

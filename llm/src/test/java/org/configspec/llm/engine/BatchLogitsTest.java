package org.configspec.llm.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.configspec.llm.NeedsLlama;
import org.configspec.llm.TestModels;
import org.configspec.llm.model.DefaultModel;
import org.junit.jupiter.api.Test;

/** The verification primitive: logits of every position of a batch, KV rollback, several sequences per batch. */
@NeedsLlama
class BatchLogitsTest {
    private static final int[] CONTINUATION = {
        29892, 727, 471, 263, 2217, 7826, 4257, 365, 2354, 29889, 2296, 18012, 304, 1708, 5377, 297};

    private static ContextOptions exact(int sequences) {
        return ContextOptions.defaults().withThreads(TestModels.THREADS).withContextSize(256)
                .withSequences(sequences).withBatchCapacity(64).exact();
    }

    private static float maxAbsDiff(float[] a, float[] b) {
        float m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }

    @Test
    void greedyContinuationTokensAreTheKnownOnes() {
        LlamaModel m = TestModels.model(DefaultModel.STORIES15M_F32);
        assertThat(m.detokenizeToString(CONTINUATION)).isEqualTo(TestModels.EXPECTED_GREEDY.substring(0,
                m.detokenizeToString(CONTINUATION).length()));
    }

    @Test
    void batchOfOneToSixteenTokensMatchesDecodingOneAtATime() {
        LlamaModel m = TestModels.model(DefaultModel.STORIES15M_F32);
        int[] prompt = m.tokenize(TestModels.ONCE, true);
        try (LlamaSession s = m.newSession(exact(1))) {
            s.decode(TokenBatch.of(prompt, 0, 0, false));
            int p0 = prompt.length;
            // sequential reference rows
            float[][] seq = new float[16][];
            for (int i = 0; i < 16; i++) {
                TokenBatch b = new TokenBatch(1);
                b.add(CONTINUATION[i], p0 + i, 0, true);
                s.decode(b);
                seq[i] = s.logits(0);
            }
            float worst = 0;
            StringBuilder report = new StringBuilder();
            for (int t = 1; t <= 16; t++) {
                s.truncate(0, p0);
                int[] toks = java.util.Arrays.copyOf(CONTINUATION, t);
                s.decode(TokenBatch.of(toks, p0, 0, true));
                float diffT = 0;
                for (int i = 0; i < t; i++) {
                    float[] row = s.logits(i);
                    assertThat(s.argmax(i)).as("argmax at T=%d row %d", t, i)
                            .isEqualTo(org.configspec.llm.sampling.Sampler.argmax(seq[i]));
                    diffT = Math.max(diffT, maxAbsDiff(row, seq[i]));
                }
                report.append(" T=").append(t).append(':').append(String.format("%.2e", diffT));
                worst = Math.max(worst, diffT);
            }
            System.out.println("batch vs sequential max|dlogit| (F32, flash-attn off, F32 KV):" + report);
            assertThat(worst).as("max abs logit difference").isLessThan(1e-4f);
        }
    }

    @Test
    void truncatingAndRedecodingGivesTheSameLogits() {
        LlamaModel m = TestModels.model(DefaultModel.STORIES15M_F32);
        int[] prompt = m.tokenize(TestModels.ONCE, true);
        try (LlamaSession s = m.newSession(exact(1))) {
            s.decode(TokenBatch.of(prompt, 0, 0, false));
            int[] k8 = java.util.Arrays.copyOf(CONTINUATION, 8);
            s.decode(TokenBatch.of(k8, prompt.length, 0, true));
            float[][] first = new float[8][];
            for (int i = 0; i < 8; i++) {
                first[i] = s.logits(i);
            }
            assertThat(s.positionMax(0)).isEqualTo(prompt.length + 7);
            s.truncate(0, prompt.length);
            assertThat(s.positionMax(0)).isEqualTo(prompt.length - 1);
            s.decode(TokenBatch.of(k8, prompt.length, 0, true));
            for (int i = 0; i < 8; i++) {
                assertThat(s.logits(i)).as("row %d after rollback", i).containsExactly(first[i]);
            }
            // reject-and-replace: keep 3 drafted tokens, replace the 4th by another token
            s.truncate(0, prompt.length + 3);
            TokenBatch b = new TokenBatch(1);
            b.add(1000, prompt.length + 3, 0, true);
            s.decode(b);
            float[] replaced = s.logits(0);
            s.clear();
            int[] all = new int[prompt.length + 4];
            System.arraycopy(prompt, 0, all, 0, prompt.length);
            System.arraycopy(CONTINUATION, 0, all, prompt.length, 3);
            all[prompt.length + 3] = 1000;
            s.decode(TokenBatch.of(all, 0, 0, false));
            assertThat(maxAbsDiff(s.logits(all.length - 1), replaced)).isLessThan(1e-3f);
            assertThat(s.argmax(all.length - 1)).isEqualTo(org.configspec.llm.sampling.Sampler.argmax(replaced));
        }
    }

    @Test
    void twoSequencesInOneBatchGiveTheLogitsTheyGiveAlone() {
        LlamaModel m = TestModels.model(DefaultModel.STORIES15M_Q8_0);
        int[] a = m.tokenize(TestModels.ONCE, true);
        int[] b = m.tokenize("The little dog was very happy because", true);
        float[][] aloneA = new float[a.length][];
        float[][] aloneB = new float[b.length][];
        try (LlamaSession s = m.newSession(exact(1))) {
            s.decode(TokenBatch.of(a, 0, 0, true));
            for (int i = 0; i < a.length; i++) {
                aloneA[i] = s.logits(i);
            }
            s.clear();
            s.decode(TokenBatch.of(b, 0, 0, true));
            for (int i = 0; i < b.length; i++) {
                aloneB[i] = s.logits(i);
            }
        }
        try (LlamaSession s = m.newSession(exact(2))) {
            TokenBatch batch = new TokenBatch(a.length + b.length);
            batch.addSequence(a, 0, 0, true);
            batch.addSequence(b, 0, 1, true);
            s.decode(batch);
            float worst = 0;
            for (int i = 0; i < a.length; i++) {
                worst = Math.max(worst, maxAbsDiff(s.logits(i), aloneA[i]));
            }
            for (int i = 0; i < b.length; i++) {
                worst = Math.max(worst, maxAbsDiff(s.logits(a.length + i), aloneB[i]));
            }
            System.out.println("two sequences in one batch vs alone, max|dlogit| (Q8_0): " + worst);
            assertThat(worst).isLessThan(1e-4f);
            // dropping sequence 1 leaves sequence 0 intact
            s.truncate(1, 0);
            assertThat(s.positionMax(1)).isEqualTo(-1);
            assertThat(s.positionMax(0)).isEqualTo(a.length - 1);
        }
    }

    @Test
    void positionsMustContinueAndRowsWithoutLogitsAreRefused() {
        LlamaModel m = TestModels.model(DefaultModel.STORIES15M_Q8_0);
        try (LlamaSession s = m.newSession(exact(1))) {
            s.decode(TokenBatch.of(new int[] {1, 9038}, 0, 0, false));
            assertThatThrownBy(() -> s.logits(0)).hasMessageContaining("has no logits");
            assertThatThrownBy(() -> s.decode(TokenBatch.of(new int[] {2501}, 5, 0, true)))
                    .hasMessageContaining("position 5 of sequence 0 must be 2");
            assertThatThrownBy(() -> s.decode(TokenBatch.of(new int[] {32000}, 2, 0, true)))
                    .hasMessageContaining("out of range");
        }
    }
}

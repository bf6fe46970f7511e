package org.configspec.llm.engine;

import org.configspec.llm.NeedsLlama;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.configspec.llm.TestModels;
import org.configspec.llm.model.DefaultModel;
import org.configspec.llm.sampling.Sampler;
import org.configspec.llm.sampling.SamplingParams;
import org.junit.jupiter.api.Test;

/** The one decode loop: prefill, single-token step, greedy continuation and teacher forcing on real stories15M weights. */
@NeedsLlama
class DecodeStepTest {
    /** llama.cpp's greedy continuation of "Once upon a time" on stories15M F32 (", there was a little girl named ..."). */
    private static final int[] CONTINUATION = {
        29892, 727, 471, 263, 2217, 7826, 4257, 365, 2354, 29889, 2296, 18012, 304, 1708, 5377, 297};

    private static LlamaSession session(LlamaModel m, int batchCapacity) {
        return m.newSession(ContextOptions.defaults().withThreads(TestModels.THREADS).withContextSize(256)
                .withBatchCapacity(batchCapacity));
    }

    /** The prompt followed by room for the continuation: token i of the array sits at position i. */
    private static int[] sequence(LlamaModel m, int extra) {
        int[] prompt = m.tokenize(TestModels.ONCE, true);
        return Arrays.copyOf(prompt, prompt.length + extra);
    }

    /** The prompt followed by the first {@code n} tokens of the known continuation. */
    private static int[] promptAndContinuation(LlamaModel m, int n) {
        int[] seq = sequence(m, n);
        System.arraycopy(CONTINUATION, 0, seq, seq.length - n, n);
        return seq;
    }

    @Test
    void greedyContinuationProducesLlamaCppsTokens() {
        LlamaModel m = TestModels.model(DefaultModel.STORIES15M_F32);
        int p = m.tokenize(TestModels.ONCE, true).length;
        int[] seq = sequence(m, CONTINUATION.length);
        try (LlamaSession s = session(m, 64)) {
            DecodeStep step = new DecodeStep(s);
            int row = step.prefill(seq, 0, p, DecodeStep.Logits.LAST);
            seq[p] = s.argmax(row);
            int last = step.greedy(seq[p], p, CONTINUATION.length - 1, seq, p + 1);
            assertThat(Arrays.copyOfRange(seq, p, seq.length)).containsExactly(CONTINUATION);
            assertThat(last).isEqualTo(CONTINUATION[CONTINUATION.length - 1]);
            assertThat(s.positionMax(0)).isEqualTo(p + CONTINUATION.length - 2);
        }
    }

    @Test
    void greedyContinuationEqualsGeneratorOutput() {
        LlamaModel m = TestModels.model(DefaultModel.STORIES15M_Q8_0);
        int[] prompt = m.tokenize(TestModels.ONCE, true);
        try (LlamaSession s = session(m, 64)) {
            int[] generated = Generator.generate(s, prompt, 24, new Sampler(SamplingParams.greedy()), null).tokens();
            s.clear();
            DecodeStep step = new DecodeStep(s);
            int[] out = new int[24];
            out[0] = s.argmax(step.prefill(prompt, 0, prompt.length, DecodeStep.Logits.LAST));
            step.greedy(out[0], prompt.length, 23, out, 1);
            assertThat(out).containsExactly(generated);
        }
    }

    @Test
    void oneStepAtATimeEqualsTheContinuation() {
        LlamaModel m = TestModels.model(DefaultModel.STORIES15M_F32);
        int p = m.tokenize(TestModels.ONCE, true).length;
        int[] seq = sequence(m, 0);
        try (LlamaSession s = session(m, 64)) {
            DecodeStep step = new DecodeStep(s);
            int t = s.argmax(step.prefill(seq, 0, p, DecodeStep.Logits.LAST));
            int[] out = new int[8];
            for (int i = 0; i < out.length; i++) {
                out[i] = t;
                t = step.greedy(t, p + i);
            }
            assertThat(out).containsExactly(Arrays.copyOf(CONTINUATION, out.length));
        }
    }

    @Test
    void prefillInChunksOfTheBatchCapacityReturnsTheLastRow() {
        LlamaModel m = TestModels.model(DefaultModel.STORIES15M_F32);
        int[] seq = sequence(m, 0);
        try (LlamaSession s = session(m, 2)) {
            DecodeStep step = new DecodeStep(s);
            int row = step.prefill(seq, 0, seq.length, DecodeStep.Logits.LAST);
            assertThat(row).isEqualTo((seq.length - 1) % 2);
            assertThat(s.positionMax(0)).isEqualTo(seq.length - 1);
            assertThat(s.argmax(row)).isEqualTo(CONTINUATION[0]);
            assertThat(step.prefill(seq, 3, 3, DecodeStep.Logits.LAST)).isEqualTo(-1);
        }
    }

    @Test
    void prefillWithNoLogitsLeavesNoRowToRead() {
        LlamaModel m = TestModels.model(DefaultModel.STORIES15M_F32);
        int[] seq = sequence(m, 0);
        try (LlamaSession s = session(m, 64)) {
            int row = new DecodeStep(s).prefill(seq, 0, seq.length, DecodeStep.Logits.NONE);
            assertThatThrownBy(() -> s.argmax(row)).hasMessageContaining("has no logits");
        }
    }

    @Test
    void prefillWithAllLogitsPredictsEveryNextTokenOfTheContinuation() {
        LlamaModel m = TestModels.model(DefaultModel.STORIES15M_F32);
        int p = m.tokenize(TestModels.ONCE, true).length;
        int[] seq = promptAndContinuation(m, 4);
        try (LlamaSession s = session(m, 64)) {
            DecodeStep step = new DecodeStep(s);
            step.prefill(seq, 0, p + 4, DecodeStep.Logits.ALL);
            assertThat(s.argmax(p - 1)).isEqualTo(CONTINUATION[0]);
            for (int i = 0; i < 3; i++) {
                assertThat(s.argmax(p + i)).as("row %d", p + i).isEqualTo(CONTINUATION[i + 1]);
            }
        }
    }

    @Test
    void forcingTheGreedyTokensLeadsToTheNextGreedyToken() {
        LlamaModel m = TestModels.model(DefaultModel.STORIES15M_F32);
        int p = m.tokenize(TestModels.ONCE, true).length;
        int[] seq = promptAndContinuation(m, 8);
        try (LlamaSession s = session(m, 64)) {
            DecodeStep step = new DecodeStep(s);
            assertThat(step.prefill(seq, 0, p, DecodeStep.Logits.NONE)).isEqualTo(p - 1);
            step.force(seq, p, 8);
            assertThat(s.positionMax(0)).isEqualTo(p + 7);
            assertThat(s.argmax(DecodeStep.ROW)).isEqualTo(CONTINUATION[8]);
        }
    }

    @Test
    void countingStepsAreOneDecodeEach() {
        LlamaModel m = TestModels.model(DefaultModel.STORIES15M_F32);
        try (LlamaSession s = session(m, 64)) {
            DecodeStep step = new DecodeStep(s);
            step.greedy(m.bos(), 0, 5, null, 0);
            assertThat(s.positionMax(0)).isEqualTo(4);
            assertThat(step.greedy(7, 5, 0, null, 0)).isEqualTo(7);
            assertThat(s.positionMax(0)).isEqualTo(4);
        }
    }

    @Test
    void badRangesAreRefusedWithTheRange() {
        LlamaModel m = TestModels.model(DefaultModel.STORIES15M_F32);
        try (LlamaSession s = session(m, 64)) {
            DecodeStep step = new DecodeStep(s);
            int[] t = {1, 2, 3};
            assertThatThrownBy(() -> step.prefill(t, 2, 4, DecodeStep.Logits.LAST))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("prefill range [2, 4) outside 0..3");
            assertThatThrownBy(() -> step.force(t, 1, 3))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("forced range [1, 4) outside 0..3");
            assertThatThrownBy(() -> step.greedy(1, 0, 4, new int[3], 0))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("output range [0, 4) outside 0..3");
            assertThatThrownBy(() -> step.greedy(1, 0, -1, null, 0))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("count -1 must be >= 0");
            assertThatThrownBy(() -> new DecodeStep(s, 1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("sequence 1 out of range 0..0");
            assertThat(s.positionMax(0)).isEqualTo(-1);
        }
    }
}

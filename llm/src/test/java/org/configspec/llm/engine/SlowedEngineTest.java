package org.configspec.llm.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.configspec.llm.NeedsLlama;
import org.configspec.llm.TestModels;
import org.configspec.llm.model.DefaultModel;
import org.junit.jupiter.api.Test;

/** The emulated slower device: the same tokens as the real engine, each decode lasting the factor times longer. */
@NeedsLlama
class SlowedEngineTest {
    private static LlamaSession session(LlamaModel m) {
        return m.newSession(ContextOptions.defaults().withThreads(TestModels.THREADS).withContextSize(256)
                .withBatchCapacity(64));
    }

    /** The prompt, then 16 greedy tokens through {@code engine}. */
    private static int[] greedy(InferenceEngine engine, int[] prompt) {
        int[] seq = Arrays.copyOf(prompt, prompt.length + 16);
        DecodeStep step = new DecodeStep(engine);
        int row = step.prefill(seq, 0, prompt.length, DecodeStep.Logits.LAST);
        seq[prompt.length] = engine.argmax(row);
        step.greedy(seq[prompt.length], prompt.length, 15, seq, prompt.length + 1);
        return seq;
    }

    @Test
    void slowedDecodesGiveTheSameTokensAndLastTheFactorLonger() {
        LlamaModel m = TestModels.model(DefaultModel.STORIES15M_Q8_0);
        int[] prompt = m.tokenize(TestModels.ONCE, true);
        try (LlamaSession plain = session(m); LlamaSession inner = session(m)) {
            int[] expected = greedy(plain, prompt);
            SlowedEngine slowed = (SlowedEngine) SlowedEngine.of(inner, 3);
            long t0 = System.nanoTime();
            int[] got = greedy(slowed, prompt);
            double wall = (System.nanoTime() - t0) / 1e9;
            assertThat(got).containsExactly(expected);
            assertThat(slowed.realSeconds()).isPositive();
            // every wait runs to its deadline (no interrupt here): at least 3 × the decodes' own time
            assertThat(slowed.emulatedSeconds()).isGreaterThanOrEqualTo(3 * slowed.realSeconds() - 1e-6);
            assertThat(wall).isGreaterThanOrEqualTo(slowed.emulatedSeconds() - 1e-6);
            assertThat(slowed.positionMax(0)).isEqualTo(plain.positionMax(0));
        }
    }

    @Test
    void anInterruptEndsTheWaitAndStaysSet() {
        LlamaModel m = TestModels.model(DefaultModel.STORIES15M_Q8_0);
        try (LlamaSession inner = session(m)) {
            SlowedEngine slowed = (SlowedEngine) SlowedEngine.of(inner, SlowedEngine.MAX_FACTOR);
            TokenBatch b = new TokenBatch(1);
            b.add(m.bos(), 0, 0, true);
            Thread.currentThread().interrupt();
            try {
                slowed.decode(b);
                assertThat(Thread.currentThread().isInterrupted()).isTrue();
                // not waited out: a 1000x wait of a real decode would last far longer than the decode itself did
                assertThat(slowed.emulatedSeconds()).isLessThan(SlowedEngine.MAX_FACTOR * slowed.realSeconds());
                assertThat(slowed.positionMax(0)).isZero();
            } finally {
                Thread.interrupted();
            }
        }
    }

    @Test
    void factorOneIsTheEngineItselfAndOthersOutsideTheRangeAreRefused() {
        LlamaModel m = TestModels.model(DefaultModel.STORIES15M_Q8_0);
        try (LlamaSession inner = session(m)) {
            assertThat(SlowedEngine.of(inner, 1)).isSameAs(inner);
            for (double bad : new double[] {0.5, 0, -2, Double.NaN, 1000.5, Double.POSITIVE_INFINITY}) {
                assertThatThrownBy(() -> SlowedEngine.of(inner, bad)).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("allowed 1..1000");
            }
        }
    }
}

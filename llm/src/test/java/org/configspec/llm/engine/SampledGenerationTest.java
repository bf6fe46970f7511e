package org.configspec.llm.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.configspec.llm.NeedsLlama;
import org.configspec.llm.TestModels;
import org.configspec.llm.model.DefaultModel;
import org.configspec.llm.sampling.Distribution;
import org.configspec.llm.sampling.Sampler;
import org.configspec.llm.sampling.SamplingParams;
import org.junit.jupiter.api.Test;

@NeedsLlama
class SampledGenerationTest {

    private static int[] run(LlamaModel m, SamplingParams p) {
        try (LlamaSession s = m.newSession(ContextOptions.defaults().withThreads(TestModels.THREADS))) {
            return Generator.generate(s, m.tokenize(TestModels.ONCE, true), 24, new Sampler(p), null).tokens();
        }
    }

    @Test
    void seededSamplingIsReproducibleAndSeedsDiffer() {
        LlamaModel m = TestModels.model(DefaultModel.STORIES15M_Q8_0);
        int[] a = run(m, new SamplingParams(1.0, 40, 0.95, 7));
        int[] b = run(m, new SamplingParams(1.0, 40, 0.95, 7));
        int[] c = run(m, new SamplingParams(1.0, 40, 0.95, 8));
        int[] d = run(m, new SamplingParams(1.0, 40, 0.95, 9));
        assertThat(a).isEqualTo(b);
        assertThat(java.util.Arrays.equals(a, c) && java.util.Arrays.equals(a, d)).isFalse();
    }

    @Test
    void theSoftmaxOfTheFirstStepMakesTheGreedyTokenMostLikely() {
        LlamaModel m = TestModels.model(DefaultModel.STORIES15M_F32);
        try (LlamaSession s = m.newSession(ContextOptions.defaults().withThreads(TestModels.THREADS))) {
            int[] prompt = m.tokenize(TestModels.ONCE, true);
            s.decode(TokenBatch.of(prompt, 0, 0, false));
            Distribution d = Distribution.softmax(s.logits(prompt.length - 1), 1.0);
            assertThat(d.argmax()).isEqualTo(29892); // ","
            assertThat(d.probability(29892)).isBetween(0.9, 1.0);
        }
    }
}

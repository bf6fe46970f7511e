package org.configspec.llm.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.configspec.llm.NeedsLlama;
import org.configspec.llm.TestModels;
import org.configspec.llm.model.DefaultModel;
import org.configspec.llm.sampling.Sampler;
import org.configspec.llm.sampling.SamplingParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@NeedsLlama
class GreedyGenerationTest {

    @Test
    void tokenizesOnceUponATimeLikeLlama2() {
        LlamaModel m = TestModels.model(DefaultModel.STORIES15M_F32);
        assertThat(m.tokenize(TestModels.ONCE, true)).containsExactly(1, 9038, 2501, 263, 931);
        assertThat(m.detokenizeToString(new int[] {9038, 2501, 263, 931})).isEqualTo(" Once upon a time");
    }

    @Test
    void greedyF32ContinuesWithTheKnownStory() {
        LlamaModel m = TestModels.model(DefaultModel.STORIES15M_F32);
        try (LlamaSession s = m.newSession(ContextOptions.defaults().withThreads(TestModels.THREADS))) {
            Generator.Result r = Generator.generate(s, m.tokenize(TestModels.ONCE, true), 32,
                    new Sampler(SamplingParams.greedy()), null);
            assertThat(r.tokens()).hasSize(32);
            assertThat(m.detokenizeToString(r.tokens())).isEqualTo(TestModels.EXPECTED_GREEDY);
        }
    }

    @Test
    void twoThreadsWithTheirOwnSessionsShareOneModel() throws Exception {
        LlamaModel m = TestModels.model(DefaultModel.STORIES15M_Q8_0);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.List<java.util.concurrent.Future<String>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 2; i++) {
                results.add(pool.submit(() -> {
                    StringBuilder all = new StringBuilder();
                    try (LlamaSession s = m.newSession(ContextOptions.defaults().withThreads(1))) {
                        for (int rep = 0; rep < 3; rep++) {
                            Generator.Result r = Generator.generate(s, m.tokenize(TestModels.ONCE, true), 32,
                                    new Sampler(SamplingParams.greedy()), null);
                            all.append(m.detokenizeToString(r.tokens())).append('|');
                        }
                    }
                    return all.toString();
                }));
            }
            String expected = (TestModels.EXPECTED_GREEDY + "|").repeat(3);
            for (var f : results) {
                assertThat(f.get(60, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aPromptLongerThanOneBatchIsDecodedInChunks() {
        LlamaModel m = TestModels.model(DefaultModel.STORIES15M_Q8_0);
        int[] prompt = m.tokenize(TestModels.ONCE, true);
        try (LlamaSession small = m.newSession(ContextOptions.defaults().withThreads(TestModels.THREADS)
                .withBatchCapacity(2))) {
            Generator.Result r = Generator.generate(small, prompt, 12, new Sampler(SamplingParams.greedy()), null);
            assertThat(m.detokenizeToString(r.tokens())).isEqualTo(", there was a little girl named Lily. She loved");
        }
    }

    @Test
    void metadataIsReadInJavaAndAgreesWithLlamaCpp() {
        LlamaModel m = TestModels.model(DefaultModel.STORIES15M_Q8_0);
        org.configspec.llm.model.ModelInfo i = m.info();
        assertThat(i.architecture()).isEqualTo("llama");
        assertThat(i.fileType()).isEqualTo("Q8_0");
        assertThat(i.contextLength()).isEqualTo(256).isEqualTo(m.trainContextLength());
        assertThat(i.vocabSize()).isEqualTo(32000).isEqualTo(m.vocabSize());
        assertThat(i.blockCount()).isEqualTo(6);
        assertThat(i.parameterCount()).isEqualTo(m.nativeParameterCount());
        assertThat(i.fileSize()).isEqualTo(m.path().toFile().length());
        assertThat(i.sha256()).hasSize(64).isEqualTo(org.configspec.llm.model.ModelInspector.sha256(m.path()));
        assertThat(m.description()).contains("llama").contains("Q8_0");
    }

    @ParameterizedTest
    @EnumSource(DefaultModel.class)
    void everyDefaultModelLoadsAndGenerates(DefaultModel dm) {
        LlamaModel m = TestModels.model(dm);
        try (LlamaSession s = m.newSession(ContextOptions.defaults().withThreads(TestModels.THREADS))) {
            Generator.Result r = Generator.generate(s, m.tokenize(TestModels.ONCE, true), 16,
                    new Sampler(SamplingParams.greedy()), null);
            assertThat(r.tokens()).hasSize(16);
            assertThat(m.detokenizeToString(r.tokens())).isNotBlank();
            if (dm == DefaultModel.STORIES15M_Q8_0 || dm == DefaultModel.STORIES15M_F16) {
                assertThat(m.detokenizeToString(r.tokens())).isEqualTo(TestModels.EXPECTED_GREEDY.substring(0,
                        m.detokenizeToString(r.tokens()).length()));
            }
        }
    }
}

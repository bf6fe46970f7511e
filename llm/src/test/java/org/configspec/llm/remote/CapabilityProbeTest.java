package org.configspec.llm.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.configspec.llm.NeedsLlama;
import org.configspec.llm.TestModels;
import org.configspec.llm.model.DefaultModel;
import org.configspec.llm.remote.CapabilityProbe.Check;
import org.configspec.llm.remote.CapabilityProbe.Report;
import org.configspec.llm.remote.EngineStandInServer.Wire;
import org.configspec.llm.remote.RemoteTargetException.Reason;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The capability probe on the stand-ins of the engines that cannot run here (EngineStandInServer): it finds vLLM's
 * --max-logprobs cap from the 400, OpenAI's top-5 and missing /tokenize, SGLang's uncapped top-N, and records
 * refusals as "no" instead of failing.
 */
@NeedsLlama
class CapabilityProbeTest {
    private static ReferenceEngine ref;

    @BeforeAll
    static void load() {
        ref = new ReferenceEngine(TestModels.model(DefaultModel.STORIES15M_F32));
    }

    @AfterAll
    static void close() {
        ref.close();
    }

    private static Report probe(EngineStandInServer s) {
        try (RemoteTarget t = RemoteTargets.open(new Endpoint(s.url(), TargetApi.AUTO, null, null,
                Duration.ofSeconds(60), RetryPolicy.none()), Map.of())) {
            return CapabilityProbe.probe(t, s.url().toString(), CapabilityProbe.prompt(t, null), null);
        }
    }

    private static Check check(Report r, String name) {
        return r.checks().stream().filter(c -> c.capability().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void vllmsMaxLogprobsCapIsFoundFromItsRefusal() {
        try (EngineStandInServer s = EngineStandInServer.start(Wire.VLLM, ref, 20, null)) {
            Report r = probe(s);
            assertThat(r.server().api()).isEqualTo(TargetApi.VLLM);
            assertThat(r.maxTopN()).isEqualTo(20);
            assertThat(check(r, "generated top-N").detail()).contains("up to N=20").contains("N=100 refused")
                    .contains("greater than max allowed: 20");
            assertThat(check(r, "prompt log-probabilities").available()).isTrue();
            assertThat(check(r, "fixed length (ignore_eos)").available()).isTrue();
            assertThat(check(r, "tokenize").available()).isTrue();
        }
    }

    @Test
    void openAiIsCappedAtFiveAndHasNoTokenizer() {
        try (EngineStandInServer s = EngineStandInServer.start(Wire.OPENAI, ref)) {
            Report r = probe(s);
            assertThat(r.maxTopN()).isEqualTo(5);
            assertThat(check(r, "tokenize").available()).isFalse();
            assertThat(check(r, "prompt log-probabilities").detail()).isEqualTo("one request per sequence");
            assertThat(check(r, "token-id prompt").detail()).as("BOS only without a tokenizer").isEqualTo("1 ids sent");
        }
    }

    @Test
    void sglangTakesTheWholeLadder() {
        try (EngineStandInServer s = EngineStandInServer.start(Wire.SGLANG, ref)) {
            Report r = probe(s);
            assertThat(r.maxTopN()).isEqualTo(100);
            assertThat(check(r, "token ids returned").detail()).isEqualTo(java.util.Arrays.toString(
                    ref.greedy(ref.model().tokenize("Once upon a time", true), 4).ids()));
        }
    }

    @Test
    void theTokenizerComparisonPassesForTheSameVocabularyAndNeedsATokenizer() {
        List<String> prompts = List.of("Once upon a time", "Tom had a red ball.");
        try (EngineStandInServer v = EngineStandInServer.start(Wire.VLLM, ref);
                RemoteTarget t = RemoteTargets.open(Endpoint.of(v.url().toString(), TargetApi.AUTO, null, null),
                        Map.of())) {
            CapabilityProbe.TokenizerCheck c = CapabilityProbe.compareTokenizer(t, ref.model(), "q8", prompts);
            assertThat(c.prompts()).isEqualTo(2);
            assertThat(c.tokens()).isEqualTo(ref.model().tokenize(prompts.get(0), true).length
                    + ref.model().tokenize(prompts.get(1), true).length);
        }
        try (EngineStandInServer o = EngineStandInServer.start(Wire.OPENAI, ref);
                RemoteTarget t = RemoteTargets.open(Endpoint.of(o.url().toString(), TargetApi.AUTO, null, null),
                        Map.of())) {
            assertThatThrownBy(() -> CapabilityProbe.compareTokenizer(t, ref.model(), "q8", prompts))
                    .isInstanceOfSatisfying(RemoteTargetException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED);
                        assertThat(e.getMessage()).startsWith("--draft q8: cannot compare tokenizers:");
                    });
        }
    }
}

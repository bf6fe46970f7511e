package org.configspec.llm.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.configspec.llm.NeedsLlama;
import org.configspec.llm.TestModels;
import org.configspec.llm.model.DefaultModel;
import org.configspec.llm.remote.EngineStandInServer.Wire;
import org.configspec.llm.remote.RemoteTargetException.Reason;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The vLLM, SGLang and OpenAI adapters against {@link EngineStandInServer} (a stand-in: those engines need GPUs and
 * cannot run here), which answers in their wire formats with our own engine's numbers: the adapters must return our
 * engine's greedy ids and its exact top-N log-probabilities, and turn each documented failure into one line.
 */
@NeedsLlama
class StandInTargetsTest {
    private static final double EPS = 1e-9;
    /** The stand-in computes the row after a sequence in another decode (a prefill of it): float rounding, ~2e-6. */
    private static final double OTHER_DECODE = 1e-4;
    private static ReferenceEngine ref;
    private static int[] prompt;

    @BeforeAll
    static void load() {
        ref = new ReferenceEngine(TestModels.model(DefaultModel.STORIES15M_F32));
        prompt = ref.model().tokenize(TestModels.ONCE, true);
    }

    @AfterAll
    static void close() {
        ref.close();
    }

    private static RemoteTarget open(EngineStandInServer s, TargetApi api) {
        return RemoteTargets.open(new Endpoint(s.url(), api, null, null, Duration.ofSeconds(60),
                RetryPolicy.none()), Map.of());
    }

    private static TargetApi api(Wire w) {
        return switch (w) {
            case VLLM -> TargetApi.VLLM;
            case SGLANG -> TargetApi.SGLANG;
            case OPENAI -> TargetApi.OPENAI;
        };
    }

    private static void assertRowIsOurs(PositionTop row, double[] exact, int chosen, int n) {
        assertRowIsOurs(row, exact, chosen, n, EPS);
    }

    private static void assertRowIsOurs(PositionTop row, double[] exact, int chosen, int n, double eps) {
        assertThat(row.chosen()).isEqualTo(chosen);
        assertThat(row.chosenLogprob()).isCloseTo(exact[chosen], within(eps));
        assertThat(row.top().stream().mapToInt(TopEntry::id).toArray()).containsExactly(ReferenceEngine.top(exact, n));
        for (TopEntry e : row.top()) {
            assertThat(e.logprob()).isCloseTo(exact[e.id()], within(eps));
        }
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void autoIdentifiesTheServerAndItsModel(Wire wire) {
        try (EngineStandInServer s = EngineStandInServer.start(wire, ref); RemoteTarget t = open(s, TargetApi.AUTO)) {
            assertThat(t.identity().api()).isEqualTo(api(wire));
            assertThat(t.identity().modelId()).isEqualTo(EngineStandInServer.MODEL);
        }
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void greedyContinuationAndTopNAreOurEnginesExactly(Wire wire) {
        int n = 16;
        ReferenceEngine.Continuation exact = ref.greedy(prompt, n);
        try (EngineStandInServer s = EngineStandInServer.start(wire, ref); RemoteTarget t = open(s, api(wire))) {
            Generation g = t.generate(prompt, n, 5, 7);
            assertThat(g.ids()).containsExactly(exact.ids());
            assertThat(g.rows()).hasSize(n);
            for (int i = 0; i < n; i++) {
                assertRowIsOurs(g.rows().get(i), exact.logRows()[i], exact.ids()[i], 5);
            }
            assertThat(g.usage()).isEqualTo(new Usage(prompt.length, n));
            assertThat(t.generate(prompt, 3, 0, 7).rows()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void promptScoresAreOurEnginesTeacherForcedRows(Wire wire) {
        int[] ids = concat(prompt, ref.greedy(prompt, 12).ids());
        ids[9] = 1000; // a token the target would not choose: its value must still come back where listed
        double[][] exact = ref.logRows(ids);
        try (EngineStandInServer s = EngineStandInServer.start(wire, ref); RemoteTarget t = open(s, api(wire))) {
            PromptScores sc = t.score(ids, 3, 5);
            assertThat(sc.from()).isEqualTo(3);
            assertThat(sc.rows()).hasSize(ids.length - 3);
            assertThat(sc.requests()).isEqualTo(1);
            for (int p = 3; p < ids.length; p++) {
                PositionTop row = sc.rows().get(p - 3);
                double[] e = exact[p - 1];
                assertThat(row.top().stream().mapToInt(TopEntry::id).toArray())
                        .containsExactly(ReferenceEngine.top(e, 5));
                assertThat(row.chosen()).isEqualTo(ids[p]);
                assertThat(row.chosenLogprob()).as("position %d", p).isCloseTo(e[ids[p]], within(EPS));
            }
            double[] nextExact = exact[ids.length - 1];
            assertRowIsOurs(sc.next(), nextExact, ReferenceEngine.top(nextExact, 1)[0], 5, OTHER_DECODE);
            assertThat(t.capabilities().promptScoring()).isEqualTo(Capabilities.PromptScoring.ONE_REQUEST);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Wire.class, names = {"VLLM", "SGLANG"})
    void remoteTokenizerGivesOurIds(Wire wire) {
        try (EngineStandInServer s = EngineStandInServer.start(wire, ref); RemoteTarget t = open(s, api(wire))) {
            for (String text : List.of(TestModels.ONCE, "Tom and Sue went to the park.", "A dog, a cat — and \"x\"!")) {
                assertThat(t.tokenize(text)).containsExactly(ref.model().tokenize(text, true));
            }
        }
    }

    @Test
    void openAiHasNoTokenizerAndCapsTopNAtFive() {
        try (EngineStandInServer s = EngineStandInServer.start(Wire.OPENAI, ref);
                RemoteTarget t = open(s, TargetApi.OPENAI)) {
            assertThatThrownBy(() -> t.tokenize("x")).isInstanceOfSatisfying(RemoteTargetException.class,
                    e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED));
            int before = s.requests();
            assertThatThrownBy(() -> t.generate(prompt, 4, 6, 0)).isInstanceOfSatisfying(RemoteTargetException.class,
                    e -> {
                        assertThat(e.reason()).isEqualTo(Reason.CAPPED);
                        assertThat(e.getMessage()).contains("top-N = 6").contains("cap of 5").doesNotContain("\n");
                    });
            assertThat(s.requests()).as("refused before sending").isEqualTo(before);
            assertThat(t.generate(prompt, 4, 5, 0).rows().get(0).top()).hasSize(5);
        }
    }

    @Test
    void vllmAnswers400AboveMaxLogprobsAndTheAdapterSaysCapped() {
        try (EngineStandInServer s = EngineStandInServer.start(Wire.VLLM, ref, 20, null);
                RemoteTarget t = open(s, TargetApi.VLLM)) {
            assertThat(t.generate(prompt, 2, 20, 0).rows().get(0).top()).hasSize(20);
            for (Runnable call : List.<Runnable>of(() -> t.generate(prompt, 2, 21, 0), () -> t.score(prompt, 1, 21))) {
                assertThatThrownBy(call::run).isInstanceOfSatisfying(RemoteTargetException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.CAPPED);
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("= 21 is above the server's cap")
                            .contains("greater than max allowed: 20");
                });
            }
        }
    }

    @Test
    void a401NamesTheKeyVariableAndNeverPrintsTheKey() {
        String key = "sk-test-9f8e7d";
        try (EngineStandInServer s = EngineStandInServer.start(Wire.VLLM, ref, 20, key)) {
            Endpoint noKey = new Endpoint(s.url(), TargetApi.VLLM, null, null, Duration.ofSeconds(30),
                    RetryPolicy.none());
            assertThatThrownBy(() -> RemoteTargets.open(noKey, Map.of()))
                    .isInstanceOfSatisfying(RemoteTargetException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.UNAUTHORIZED);
                        assertThat(e.getMessage()).contains("401").contains("--api-key-env");
                    });
            Endpoint wrongKey = noKey.withApi(TargetApi.AUTO);
            Endpoint withEnv = new Endpoint(s.url(), TargetApi.AUTO, null, "STANDIN_KEY", Duration.ofSeconds(30),
                    RetryPolicy.none());
            assertThatThrownBy(() -> RemoteTargets.open(withEnv, Map.of("STANDIN_KEY", "wrong")))
                    .isInstanceOfSatisfying(RemoteTargetException.class,
                            e -> assertThat(e.getMessage()).doesNotContain("wrong").doesNotContain(key));
            assertThatThrownBy(() -> RemoteTargets.open(withEnv, Map.of()))
                    .hasMessageContaining("--api-key-env STANDIN_KEY: the environment variable is unset");
            try (RemoteTarget t = RemoteTargets.open(withEnv, Map.of("STANDIN_KEY", key))) {
                assertThat(t.identity().api()).isEqualTo(TargetApi.VLLM);
                assertThat(t.generate(prompt, 2, 1, 0).ids()).hasSize(2);
            }
            assertThat(wrongKey.toString()).doesNotContain(key);
        }
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void anUnknownModelIsOneLineListingWhatIsServed(Wire wire) {
        try (EngineStandInServer s = EngineStandInServer.start(wire, ref)) {
            Endpoint e = new Endpoint(s.url(), TargetApi.AUTO, "llama-3.1-70b", null, Duration.ofSeconds(30),
                    RetryPolicy.none());
            assertThatThrownBy(() -> RemoteTargets.open(e, Map.of()))
                    .isInstanceOfSatisfying(RemoteTargetException.class, x -> {
                        assertThat(x.reason()).isEqualTo(Reason.UNKNOWN_MODEL);
                        assertThat(x.getMessage()).contains("--model llama-3.1-70b").contains("stories15M");
                    });
        }
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void aResponseOfTheWrongShapeIsOneLineNamingTheField(Wire wire) {
        try (EngineStandInServer s = EngineStandInServer.start(wire, ref); RemoteTarget t = open(s, api(wire))) {
            s.breakShape(true);
            assertThatThrownBy(() -> t.generate(prompt, 2, 1, 0)).isInstanceOfSatisfying(
                    RemoteTargetException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.BAD_RESPONSE);
                        assertThat(e.getMessage()).contains("response of the wrong shape").contains("not a list")
                                .containsPattern("field '(choices|output_ids)'").doesNotContain("\n");
                    });
        }
    }

    @Test
    void a503IsRetriedAndThenGivesUpWithTheCount() {
        try (EngineStandInServer s = EngineStandInServer.start(Wire.SGLANG, ref)) {
            Endpoint e = new Endpoint(s.url(), TargetApi.SGLANG, null, null, Duration.ofSeconds(30),
                    new RetryPolicy(3, Duration.ZERO, 1, Duration.ZERO));
            try (RemoteTarget t = RemoteTargets.open(e, Map.of())) {
                s.failNext(2);
                assertThat(t.generate(prompt, 3, 1, 0).ids()).containsExactly(ref.greedy(prompt, 3).ids());
                s.failNext(3);
                assertThatThrownBy(() -> t.generate(prompt, 3, 1, 0)).isInstanceOfSatisfying(
                        RemoteTargetException.class, x -> {
                            assertThat(x.reason()).isEqualTo(Reason.SERVER_ERROR);
                            assertThat(x.getMessage()).contains("503 after 3 attempt(s)")
                                    .contains("Service Unavailable (stand-in)");
                        });
            }
        }
    }

    static int[] concat(int[] a, int[] b) {
        int[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}

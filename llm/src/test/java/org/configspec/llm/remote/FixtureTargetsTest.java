package org.configspec.llm.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.configspec.core.json.MachineJson;
import org.configspec.llm.remote.RemoteTargetException.Reason;
import org.junit.jupiter.api.Test;

/**
 * Each adapter against its engine's documented response shape (fixtures in src/test/resources/remote, each naming
 * its source): the request it sends and the rows it reads, including the quirks (vLLM's null first prompt entry,
 * string keys, N + 1 entries and -9999.0 floors; SGLang's null at logprob_start_len; llama-server's
 * completion_probabilities). Needs no model: the server is scripted.
 */
class FixtureTargetsTest {
    private static final int[] ONCE = {1, 9038, 2501, 263, 931};

    private static RemoteTarget open(ScriptedServer s, TargetApi api) {
        return RemoteTargets.open(new Endpoint(s.url(), api, null, null, Duration.ofSeconds(10), RetryPolicy.none()),
                Map.of());
    }

    private static ScriptedServer vllm() {
        return new ScriptedServer().on("GET /version", "{\"version\":\"0.11.0\"}")
                .on("GET /v1/models", "{\"object\":\"list\",\"data\":[{\"id\":\"stories15M\",\"object\":\"model\"}]}");
    }

    private static JsonNode json(String body) {
        return MachineJson.readTree(body, "request");
    }

    private static List<Integer> ids(PositionTop row) {
        return row.top().stream().map(TopEntry::id).toList();
    }

    @Test
    void vllmPromptLogprobsSkipTheNullFirstEntryKeepRankNAndDropFloors() {
        try (ScriptedServer s = vllm().on("POST /v1/completions",
                ScriptedServer.resource("vllm-completions-prompt-logprobs.json"));
                RemoteTarget t = open(s, TargetApi.VLLM)) {
            assertThat(t.identity()).isEqualTo(new ServerIdentity(TargetApi.VLLM, "0.11.0", "stories15M"));
            PromptScores sc = t.score(ONCE, 1, 2);
            JsonNode req = json(s.bodies("POST /v1/completions").get(0));
            assertThat(req.path("prompt").toString()).isEqualTo("[1,9038,2501,263,931]");
            assertThat(req.path("prompt_logprobs").asInt()).isEqualTo(2);
            assertThat(req.path("max_tokens").asInt()).isEqualTo(1);
            assertThat(req.path("model").asText()).isEqualTo("stories15M");
            assertThat(sc.rows()).hasSize(4);
            PositionTop first = sc.rows().get(0);
            assertThat(first.chosen()).isEqualTo(9038);
            assertThat(first.chosenLogprob()).isEqualTo(-3.1);
            assertThat(ids(first)).as("rank 3 actual token is not listed in a top-2").containsExactly(450, 3118);
            assertThat(ids(sc.rows().get(2))).as("-9999.0 floor dropped").containsExactly(263);
            assertThat(ids(sc.rows().get(3))).containsExactly(931, 3462);
            assertThat(sc.usage()).isEqualTo(new Usage(5, 1));
            assertThat(req.path("logprobs").asInt()).as("for the row after the sequence").isEqualTo(2);
            assertThat(sc.next().chosen()).isEqualTo(29892);
            assertThat(ids(sc.next())).containsExactly(29892, 29889);
        }
    }

    @Test
    void vllmGenerationReadsTokenIdsAndTopNFromTokenIdKeys() {
        try (ScriptedServer s = vllm().on("POST /v1/completions",
                ScriptedServer.resource("vllm-completions-generate.json"));
                RemoteTarget t = open(s, TargetApi.VLLM)) {
            Generation g = t.generate(ONCE, 3, 2, 11);
            JsonNode req = json(s.bodies("POST /v1/completions").get(0));
            assertThat(req.path("ignore_eos").asBoolean()).isTrue();
            assertThat(req.path("return_token_ids").asBoolean()).isTrue();
            assertThat(req.path("temperature").asInt()).isZero();
            assertThat(req.path("logprobs").asInt()).isEqualTo(2);
            assertThat(req.path("seed").asLong()).isEqualTo(11);
            assertThat(g.ids()).containsExactly(29892, 727, 471);
            assertThat(ids(g.rows().get(1))).as("the N most probable; the chosen token kept aside")
                    .containsExactly(2, 278);
            assertThat(g.rows().get(1).chosenLogprob()).isEqualTo(-1.4);
            assertThat(g.rows().get(1).logprobOf(727)).isEqualTo(-1.4);
            assertThat(ids(g.rows().get(2))).containsExactly(471);
            assertThat(g.usage()).isEqualTo(new Usage(5, 3));
        }
    }

    @Test
    void sglangScoresStartOneBeforeTheFirstPositionAndSkipItsNull() {
        try (ScriptedServer s = new ScriptedServer()
                .on("GET /get_model_info", "{\"model_path\":\"stories15M\",\"is_generation\":true}")
                .on("GET /get_server_info", "{\"version\":\"0.5.0\"}")
                .on("POST /generate", ScriptedServer.resource("sglang-generate.json"));
                RemoteTarget t = open(s, TargetApi.SGLANG)) {
            assertThat(t.identity().version()).isEqualTo("0.5.0");
            PromptScores sc = t.score(ONCE, 3, 2);
            JsonNode req = json(s.bodies("POST /generate").get(0));
            assertThat(req.path("logprob_start_len").asInt()).isEqualTo(2);
            assertThat(req.path("top_logprobs_num").asInt()).isEqualTo(2);
            assertThat(req.path("input_ids").toString()).isEqualTo("[1,9038,2501,263,931]");
            assertThat(req.path("return_logprob").asBoolean()).isTrue();
            assertThat(sc.rows()).hasSize(2);
            assertThat(sc.rows().get(0).chosen()).isEqualTo(263);
            assertThat(ids(sc.rows().get(0))).containsExactly(263, 278);
            assertThat(sc.rows().get(1).chosenLogprob()).isEqualTo(-0.05);
            assertThat(sc.usage()).isEqualTo(new Usage(5, 1));
            assertThat(sc.next().chosen()).isEqualTo(29892);
            assertThat(sc.next().chosenLogprob()).isEqualTo(-0.03);
            Generation g = t.generate(ONCE, 1, 2, 0);
            assertThat(g.ids()).containsExactly(29892);
            assertThat(ids(g.rows().get(0))).containsExactly(29892, 29889);
        }
    }

    @Test
    void openAiEchoScoresSkipTheNullFirstTokenAndCheckTheCap() {
        try (ScriptedServer s = new ScriptedServer()
                .on("GET /v1/models", "{\"object\":\"list\",\"data\":[{\"id\":\"stories15M\"}]}")
                .on("POST /v1/completions", ScriptedServer.resource("openai-completions-echo.json"));
                RemoteTarget t = open(s, TargetApi.OPENAI)) {
            PromptScores sc = t.score(ONCE, 2, 2);
            JsonNode req = json(s.bodies("POST /v1/completions").get(0));
            assertThat(req.path("echo").asBoolean()).isTrue();
            assertThat(req.path("max_tokens").asInt()).isEqualTo(1);
            assertThat(sc.rows()).hasSize(3);
            assertThat(ids(sc.next())).containsExactly(29892, 29889);
            assertThat(ids(sc.rows().get(0))).containsExactly(2501, 29871);
            assertThat(sc.rows().get(2).chosenLogprob()).isEqualTo(-0.04);
            assertThatThrownBy(() -> t.score(ONCE, 1, 6)).isInstanceOfSatisfying(RemoteTargetException.class,
                    e -> assertThat(e.reason()).isEqualTo(Reason.CAPPED));
        }
    }

    @Test
    void aProviderThatAnswersWithTokenTextInsteadOfIdsIsOneLineNotAGuess() {
        String textOnly = "{\"choices\":[{\"index\":0,\"text\":\", there\",\"finish_reason\":\"length\","
                + "\"logprobs\":{\"tokens\":[\",\",\" there\"],\"token_logprobs\":[-0.03,-0.1],"
                + "\"top_logprobs\":[{\",\":-0.03},{\" there\":-0.1}],\"text_offset\":[0,1]}}],"
                + "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":2}}";
        try (ScriptedServer s = new ScriptedServer()
                .on("GET /v1/models", "{\"object\":\"list\",\"data\":[{\"id\":\"gpt-x\"}]}")
                .on("POST /v1/completions", textOnly);
                RemoteTarget t = open(s, TargetApi.OPENAI)) {
            assertThatThrownBy(() -> t.generate(ONCE, 2, 1, 0)).isInstanceOfSatisfying(RemoteTargetException.class,
                    e -> {
                        assertThat(e.reason()).isEqualTo(Reason.BAD_RESPONSE);
                        assertThat(e.getMessage()).contains("choices[0].logprobs.tokens[0]")
                                .contains("the provider returned token text").contains("is \",\"");
                    });
        }
    }

    @Test
    void llamaServerCompletionReadsTokensAndCompletionProbabilities() {
        try (ScriptedServer s = new ScriptedServer()
                .on("GET /props", "{\"build_info\":\"b1-80fb11a\",\"model_alias\":\"stories15M-f32.gguf\","
                        + "\"model_path\":\"/m/stories15M-f32.gguf\",\"default_generation_settings\":{}}")
                .on("POST /completion", ScriptedServer.resource("llama-server-completion.json"));
                RemoteTarget t = open(s, TargetApi.AUTO)) {
            assertThat(t.identity()).isEqualTo(new ServerIdentity(TargetApi.LLAMA_SERVER, "b1-80fb11a",
                    "stories15M-f32.gguf"));
            Generation g = t.generate(ONCE, 2, 2, 5);
            JsonNode req = json(s.bodies("POST /completion").get(0));
            assertThat(req.path("n_probs").asInt()).isEqualTo(2);
            assertThat(req.path("n_predict").asInt()).isEqualTo(2);
            assertThat(req.path("ignore_eos").asBoolean()).isTrue();
            assertThat(req.path("return_tokens").asBoolean()).isTrue();
            assertThat(g.ids()).containsExactly(29892, 727);
            assertThat(ids(g.rows().get(1))).containsExactly(727, 278);
            assertThat(g.usage()).isEqualTo(new Usage(5, 2));
            assertThat(t.capabilities().promptScoring()).isEqualTo(Capabilities.PromptScoring.PER_POSITION);
        }
    }

    @Test
    void aContinuationShorterThanAskedIsAWrongShapeNotASilentTruncation() {
        try (ScriptedServer s = new ScriptedServer()
                .on("GET /props", "{\"build_info\":\"b1\",\"default_generation_settings\":{}}")
                .on("POST /completion", ScriptedServer.resource("llama-server-completion.json"));
                RemoteTarget t = open(s, TargetApi.LLAMA_SERVER)) {
            assertThatThrownBy(() -> t.generate(ONCE, 5, 2, 0)).isInstanceOfSatisfying(RemoteTargetException.class,
                    e -> assertThat(e.getMessage()).contains("field 'tokens' should be 5 tokens (ignore_eos)")
                            .contains("stop_type 'limit'"));
        }
    }
}

package org.configspec.llm.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.configspec.llm.remote.RemoteTargetException.Reason;

/**
 * A generic OpenAI-compatible legacy completions endpoint ({@link CompletionsFormat}): {@code logprobs} at most
 * {@value #CAP} (OpenAI's documented limit), prompt scores by {@code echo} with {@code max_tokens: 1} (the one generated token gives the distribution after the
 * sequence), no
 * {@code /tokenize}. It needs token ids back, so it sends vLLM's {@code return_tokens_as_token_ids} and
 * {@code ignore_eos} as many vLLM- or SGLang-based providers accept them; a provider that refuses them (OpenAI's own
 * service does) is quoted in one line.
 */
final class OpenAiTarget extends HttpTarget {
    static final int CAP = 5;

    OpenAiTarget(HttpJson http) {
        super(http, new ServerIdentity(TargetApi.OPENAI, null, CompletionsFormat.model(http, http.endpoint().model())));
    }

    @Override
    public Capabilities capabilities() {
        return new Capabilities(Capabilities.PromptScoring.ONE_REQUEST, CAP, false,
                "top-" + CAP + " only: the unlisted mass bounds the sampling-mode overlap; no /tokenize");
    }

    @Override
    public int[] tokenize(String text) {
        throw new RemoteTargetException(Reason.UNSUPPORTED, "an OpenAI-compatible endpoint (" + http.endpoint().url()
                + ") has no /tokenize; allowed: --api llama-server, vllm or sglang for tokenizer checks");
    }

    private void checkCap(int n, String what) {
        if (n > CAP) {
            throw new RemoteTargetException(Reason.CAPPED, what + " = " + n + " is above the OpenAI completions cap of "
                    + CAP + " (" + http.endpoint().url() + ")");
        }
    }

    @Override
    public Generation generate(int[] promptIds, int maxTokens, int topN, long seed) {
        Requests.checkGenerate(promptIds, maxTokens, topN);
        checkCap(topN, "top-N");
        // ids come back only inside the logprobs object ("token_id:N" tokens), so ask for at least one
        ObjectNode body = CompletionsFormat.request(identity().modelId(), Requests.ids(promptIds, 0, promptIds.length),
                maxTokens, Math.max(1, topN), seed);
        Generation g = CompletionsFormat.generation(http, body, maxTokens, Math.max(1, topN));
        return topN > 0 ? g : new Generation(g.ids(), java.util.List.of(), g.usage());
    }

    @Override
    public PromptScores score(int[] ids, int from, int topN) {
        Requests.checkScore(ids, from, topN);
        checkCap(topN, "top-N");
        ObjectNode body = CompletionsFormat.request(identity().modelId(), Requests.ids(ids, 0, ids.length), 1, topN, 0)
                .put("echo", true);
        JsonNode r = CompletionsFormat.post(http, body, "top-N (logprobs)", topN);
        Shape s = CompletionsFormat.shape(http);
        JsonNode choice = CompletionsFormat.choice(s, r);
        int[] scored = java.util.Arrays.copyOfRange(ids, from, ids.length);
        com.fasterxml.jackson.databind.node.ArrayNode tokens = s.array(choice, "logprobs.tokens");
        if (tokens.size() != ids.length + 1) {
            throw s.wrong("choices[0].logprobs.tokens", (ids.length + 1) + " tokens (the echoed prompt and one more)",
                    tokens);
        }
        int generated = s.keyId(tokens.get(ids.length).asText(), "choices[0].logprobs.tokens[" + ids.length + "]");
        PositionTop next = CompletionsFormat.rows(s, choice, ids.length, new int[] {generated}, topN).get(0);
        return new PromptScores(from, CompletionsFormat.rows(s, choice, from, scored, topN), next, 1,
                CompletionsFormat.usage(s, r));
    }
}

package org.configspec.llm.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.configspec.llm.remote.RemoteTargetException.Reason;

/**
 * A generic OpenAI-compatible legacy completions endpoint ({@link CompletionsFormat}): {@code logprobs} at most
 * {@value #CAP} (OpenAI's documented limit), prompt scores by {@code echo} with {@code max_tokens: 0}, no
 * {@code /tokenize}. It needs token ids back, so it sends vLLM's {@code return_tokens_as_token_ids} and
 * {@code ignore_eos} as many vLLM- or SGLang-based providers accept them; a provider that refuses them (OpenAI's own
 * service does) is quoted in one line.
 */
final class OpenAiTarget implements RemoteTarget {
    static final int CAP = 5;

    private final HttpJson http;
    private final ServerIdentity identity;

    OpenAiTarget(HttpJson http) {
        this.http = http;
        this.identity = new ServerIdentity(TargetApi.OPENAI, null,
                CompletionsFormat.model(http, http.endpoint().model()));
    }

    @Override
    public ServerIdentity identity() {
        return identity;
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
        ObjectNode body = CompletionsFormat.request(identity.modelId(), Requests.ids(promptIds, 0, promptIds.length),
                maxTokens, Math.max(1, topN), seed);
        Shape s = new Shape("POST " + http.endpoint().resolve(CompletionsFormat.PATH));
        JsonNode r;
        try {
            r = http.post(CompletionsFormat.PATH, body);
        } catch (RemoteTargetException e) {
            throw Requests.capped(e, "top-N", topN);
        }
        JsonNode choice = CompletionsFormat.choice(s, r);
        int[] ids = CompletionsFormat.generatedIds(s, choice, maxTokens);
        return new Generation(ids, topN == 0 ? java.util.List.of() : CompletionsFormat.rows(s, choice, 0, ids, topN),
                CompletionsFormat.usage(s, r));
    }

    @Override
    public PromptScores score(int[] ids, int from, int topN) {
        Requests.checkScore(ids, from, topN);
        checkCap(topN, "top-N");
        ObjectNode body = CompletionsFormat.request(identity.modelId(), Requests.ids(ids, 0, ids.length), 0, topN, 0)
                .put("echo", true);
        Shape s = new Shape("POST " + http.endpoint().resolve(CompletionsFormat.PATH));
        JsonNode r;
        try {
            r = http.post(CompletionsFormat.PATH, body);
        } catch (RemoteTargetException e) {
            throw Requests.capped(e, "top-N", topN);
        }
        JsonNode choice = CompletionsFormat.choice(s, r);
        int[] scored = java.util.Arrays.copyOfRange(ids, from, ids.length);
        return new PromptScores(from, CompletionsFormat.rows(s, choice, from, scored, topN), 1,
                CompletionsFormat.usage(s, r));
    }

    @Override
    public void close() {
        http.close();
    }
}

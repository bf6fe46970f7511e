package org.configspec.llm.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * vLLM's OpenAI-compatible server (vllm/entrypoints/openai, {@code CompletionRequest}): {@code GET /version},
 * {@code GET /v1/models}, {@code POST /tokenize}, and {@code POST /v1/completions} in {@link CompletionsFormat} with
 * vLLM's extensions: {@code return_token_ids} (ids of the continuation), {@code ignore_eos}, and
 * {@code prompt_logprobs: N} for teacher-forced scores in one request ({@code choices[0].prompt_logprobs}: null for
 * the first token, then per position a dict keyed by the id as a string: {@code {"logprob", "rank", "decoded_token"}},
 * always including the actual token). N is capped by the server's {@code --max-logprobs} (default
 * {@value #DEFAULT_CAP}); above it the server answers 400, reported as {@link RemoteTargetException.Reason#CAPPED}.
 * Prompt-logprob requests skip vLLM's prefix cache: each costs a full prefill.
 */
final class VllmTarget implements RemoteTarget {
    static final int DEFAULT_CAP = 20;

    private final HttpJson http;
    private final ServerIdentity identity;

    VllmTarget(HttpJson http) {
        this.http = http;
        JsonNode v = http.get("/version");
        Shape s = new Shape("GET " + http.endpoint().resolve("/version"));
        if (!v.path("version").isTextual()) {
            throw s.wrong("version", "vLLM's version string (is the server vLLM?)", v.path("version"));
        }
        this.identity = new ServerIdentity(TargetApi.VLLM, v.path("version").asText(),
                CompletionsFormat.model(http, http.endpoint().model()));
    }

    @Override
    public ServerIdentity identity() {
        return identity;
    }

    @Override
    public Capabilities capabilities() {
        return new Capabilities(Capabilities.PromptScoring.ONE_REQUEST, DEFAULT_CAP, true,
                "top-N capped by --max-logprobs (default " + DEFAULT_CAP + "); prompt log-probabilities skip the "
                        + "prefix cache (a full prefill per request)");
    }

    @Override
    public int[] tokenize(String text) {
        ObjectNode body = Requests.object().put("model", identity.modelId()).put("prompt", text)
                .put("add_special_tokens", true);
        JsonNode r = http.post("/tokenize", body);
        return new Shape("POST " + http.endpoint().resolve("/tokenize")).ids(r, "tokens");
    }

    @Override
    public Generation generate(int[] promptIds, int maxTokens, int topN, long seed) {
        Requests.checkGenerate(promptIds, maxTokens, topN);
        ObjectNode body = CompletionsFormat.request(identity.modelId(), Requests.ids(promptIds, 0, promptIds.length),
                maxTokens, topN, seed).put("return_token_ids", true);
        JsonNode r = post(body, "top-N (logprobs)", topN);
        Shape s = new Shape("POST " + http.endpoint().resolve(CompletionsFormat.PATH));
        JsonNode choice = CompletionsFormat.choice(s, r);
        int[] ids = CompletionsFormat.generatedIds(s, choice, maxTokens);
        return new Generation(ids, topN == 0 ? List.of() : CompletionsFormat.rows(s, choice, 0, ids, topN),
                CompletionsFormat.usage(s, r));
    }

    @Override
    public PromptScores score(int[] ids, int from, int topN) {
        Requests.checkScore(ids, from, topN);
        ObjectNode body = CompletionsFormat.request(identity.modelId(), Requests.ids(ids, 0, ids.length), 1, 0, 0)
                .put("prompt_logprobs", topN).put("return_token_ids", true);
        JsonNode r = post(body, "top-N (prompt_logprobs)", topN);
        Shape s = new Shape("POST " + http.endpoint().resolve(CompletionsFormat.PATH));
        ArrayNode rows = s.array(CompletionsFormat.choice(s, r), "prompt_logprobs");
        if (rows.size() != ids.length) {
            throw s.wrong("choices[0].prompt_logprobs", ids.length + " entries (one per prompt token)", rows);
        }
        List<PositionTop> out = new ArrayList<>(ids.length - from);
        for (int p = from; p < ids.length; p++) {
            out.add(row(s, rows.get(p), "choices[0].prompt_logprobs[" + p + "]", ids[p], topN));
        }
        return new PromptScores(from, out, 1, CompletionsFormat.usage(s, r));
    }

    /** One prompt position: entries of rank ≤ N listed (floors dropped), the actual token's value kept. */
    private static PositionTop row(Shape s, JsonNode dict, String at, int actual, int topN) {
        if (!dict.isObject()) {
            throw s.wrong(at, "an object of \"id\" -> {logprob, rank}", dict);
        }
        List<TopEntry> top = new ArrayList<>();
        double chosen = Double.NaN;
        for (Iterator<Map.Entry<String, JsonNode>> it = dict.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            int id = s.keyId(e.getKey(), at);
            double lp = s.logprob(e.getValue().path("logprob"), at + "." + e.getKey() + ".logprob");
            if (lp <= Shape.FLOOR) {
                continue;
            }
            if (id == actual) {
                chosen = lp;
            }
            JsonNode rank = e.getValue().path("rank");
            if (!rank.isIntegralNumber() || rank.asInt() <= topN) {
                top.add(new TopEntry(id, lp));
            }
        }
        return new PositionTop(actual, chosen, CompletionsFormat.mostProbable(top, topN));
    }

    private JsonNode post(ObjectNode body, String what, int n) {
        try {
            return http.post(CompletionsFormat.PATH, body);
        } catch (RemoteTargetException e) {
            throw Requests.capped(e, what, n);
        }
    }

    @Override
    public void close() {
        http.close();
    }
}

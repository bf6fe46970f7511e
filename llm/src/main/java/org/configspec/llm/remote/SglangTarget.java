package org.configspec.llm.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * SGLang's native API (docs/basic_usage/native_api.md, sampling_params.md of the SGLang repository):
 * {@code GET /get_model_info} ({@code model_path}), {@code GET /get_server_info} ({@code version}),
 * {@code POST /tokenize}, and {@code POST /generate} with {@code input_ids}, {@code return_logprob},
 * {@code top_logprobs_num} and {@code logprob_start_len}. Log-probability entries are {@code [logprob, id, text]};
 * {@code meta_info.output_top_logprobs} lists the generated positions, {@code meta_info.input_top_logprobs} the
 * prompt positions from {@code logprob_start_len} on, whose first entry (the one at {@code logprob_start_len}) is
 * null, so scores from position f ask for {@code logprob_start_len = f − 1}; the prefix before it is reused from the
 * radix cache. Generated-token values are {@code log_softmax(logits / temperature)} before top-k/top-p; at
 * temperature 0 SGLang reports the raw distribution.
 */
final class SglangTarget implements RemoteTarget {
    private final HttpJson http;
    private final ServerIdentity identity;

    SglangTarget(HttpJson http) {
        this.http = http;
        JsonNode info = http.get("/get_model_info");
        Shape s = new Shape("GET " + http.endpoint().resolve("/get_model_info"));
        if (!info.path("model_path").isTextual()) {
            throw s.wrong("model_path", "SGLang's model path (is the server SGLang?)", info.path("model_path"));
        }
        String model = info.path("model_path").asText();
        String wanted = http.endpoint().model();
        if (wanted != null && !wanted.equals(model)) {
            throw new RemoteTargetException(RemoteTargetException.Reason.UNKNOWN_MODEL, "--model " + wanted
                    + ": SGLang at " + http.endpoint().url() + " serves '" + model + "' only");
        }
        String version = null;
        try {
            version = http.get("/get_server_info").path("version").asText(null);
        } catch (RemoteTargetException e) {
            // older servers: the version stays unknown
        }
        this.identity = new ServerIdentity(TargetApi.SGLANG, version, model);
    }

    @Override
    public ServerIdentity identity() {
        return identity;
    }

    @Override
    public Capabilities capabilities() {
        return new Capabilities(Capabilities.PromptScoring.ONE_REQUEST, Capabilities.UNCAPPED, true,
                "prompt log-probabilities from logprob_start_len reuse the cached prefix");
    }

    @Override
    public int[] tokenize(String text) {
        ObjectNode body = Requests.object().put("prompt", text).put("add_special_tokens", true);
        JsonNode r = http.post("/tokenize", body);
        return new Shape("POST " + http.endpoint().resolve("/tokenize")).ids(r, "tokens");
    }

    private ObjectNode request(int[] ids, int maxNew, int topN, int startLen, long seed) {
        ObjectNode body = Requests.object();
        body.set("input_ids", Requests.ids(ids, 0, ids.length));
        ObjectNode sp = body.putObject("sampling_params");
        sp.put("max_new_tokens", maxNew).put("temperature", 0).put("ignore_eos", true).put("sampling_seed", seed);
        body.put("return_logprob", topN > 0).put("top_logprobs_num", topN).put("logprob_start_len", startLen);
        return body;
    }

    @Override
    public Generation generate(int[] promptIds, int maxTokens, int topN, long seed) {
        Requests.checkGenerate(promptIds, maxTokens, topN);
        JsonNode r = post(request(promptIds, maxTokens, topN, promptIds.length - 1, seed), topN);
        Shape s = shape();
        int[] ids = s.ids(r, "output_ids");
        if (ids.length != maxTokens) {
            throw s.wrong("output_ids", maxTokens + " tokens (ignore_eos)", r.path("output_ids"));
        }
        List<PositionTop> rows = new ArrayList<>();
        if (topN > 0) {
            ArrayNode chosen = s.array(r, "meta_info.output_token_logprobs");
            ArrayNode tops = s.array(r, "meta_info.output_top_logprobs");
            if (chosen.size() != ids.length || tops.size() != ids.length) {
                throw s.wrong("meta_info.output_top_logprobs", ids.length + " entries", tops);
            }
            for (int i = 0; i < ids.length; i++) {
                rows.add(row(s, chosen.get(i), tops.get(i), "meta_info.output_top_logprobs[" + i + "]", ids[i]));
            }
        }
        return new Generation(ids, rows, usage(s, r));
    }

    @Override
    public PromptScores score(int[] ids, int from, int topN) {
        Requests.checkScore(ids, from, topN);
        int start = from - 1;
        JsonNode r = post(request(ids, 1, topN, start, 0), topN);
        Shape s = shape();
        ArrayNode chosen = s.array(r, "meta_info.input_token_logprobs");
        ArrayNode tops = s.array(r, "meta_info.input_top_logprobs");
        int n = ids.length - start;
        if (chosen.size() != n || tops.size() != n) {
            throw s.wrong("meta_info.input_top_logprobs", n + " entries (from logprob_start_len " + start + ")", tops);
        }
        List<PositionTop> rows = new ArrayList<>(n - 1);
        for (int j = 1; j < n; j++) {
            rows.add(row(s, chosen.get(j), tops.get(j), "meta_info.input_top_logprobs[" + j + "]", ids[start + j]));
        }
        return new PromptScores(from, rows, 1, usage(s, r));
    }

    /** One position from {@code [logprob, id, text]} of the token and the list of such entries. */
    private static PositionTop row(Shape s, JsonNode token, JsonNode top, String at, int expected) {
        if (!token.isArray() || token.size() < 2) {
            throw s.wrong(at.replace("top_logprobs", "token_logprobs"), "[logprob, id, text]", token);
        }
        int id = s.id(token.get(1), at.replace("top_logprobs", "token_logprobs") + "[1]");
        if (id != expected) {
            throw s.wrong(at.replace("top_logprobs", "token_logprobs") + "[1]", "token " + expected, token.get(1));
        }
        double lp = token.get(0).isNull() ? Double.NaN : s.logprob(token.get(0), at + "[0]");
        if (!top.isArray()) {
            throw s.wrong(at, "a list of [logprob, id, text]", top);
        }
        List<TopEntry> entries = new ArrayList<>(top.size());
        for (int k = 0; k < top.size(); k++) {
            JsonNode e = top.get(k);
            if (!e.isArray() || e.size() < 2) {
                throw s.wrong(at + "[" + k + "]", "[logprob, id, text]", e);
            }
            entries.add(new TopEntry(s.id(e.get(1), at + "[" + k + "][1]"), s.logprob(e.get(0), at + "[" + k + "][0]")));
        }
        return new PositionTop(id, lp, entries);
    }

    private JsonNode post(ObjectNode body, int topN) {
        try {
            return http.post("/generate", body);
        } catch (RemoteTargetException e) {
            throw Requests.capped(e, "top-N (top_logprobs_num)", topN);
        }
    }

    private Shape shape() {
        return new Shape("POST " + http.endpoint().resolve("/generate"));
    }

    private static Usage usage(Shape s, JsonNode r) {
        return new Usage(s.count(r, "meta_info.prompt_tokens"), s.count(r, "meta_info.completion_tokens"));
    }

    @Override
    public void close() {
        http.close();
    }
}

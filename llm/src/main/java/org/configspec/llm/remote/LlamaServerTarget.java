package org.configspec.llm.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.configspec.llm.remote.RemoteTargetException.Reason;

/**
 * llama.cpp's llama-server (tools/server of the llama.cpp source ConfigSpec builds, scripts/build-llama-native):
 * {@code GET /props} for the build and model, {@code POST /tokenize} ({@code add_special} for the BOS),
 * {@code POST /completion} with a token-id prompt, {@code n_probs} (the softmax of the raw logits, capped only by the
 * vocabulary), {@code return_tokens} and {@code ignore_eos}. It returns no prompt log-probabilities (it refuses
 * {@code echo}), so {@link #score} asks once per position with {@code n_predict: 1} and {@code cache_prompt}: each
 * request re-evaluates at least the last token, i.e. n − from sequential one-token decodes.
 */
final class LlamaServerTarget implements RemoteTarget {
    private final HttpJson http;
    private final ServerIdentity identity;

    LlamaServerTarget(HttpJson http) {
        this.http = http;
        Shape s = new Shape("GET " + http.endpoint().resolve("/props"));
        JsonNode props = http.get("/props");
        if (!props.path("default_generation_settings").isObject() && !props.has("build_info")) {
            throw s.wrong("build_info", "llama-server's /props (is the server llama-server?)", props);
        }
        String alias = props.path("model_alias").asText("");
        String path = props.path("model_path").asText("");
        String model = !alias.isEmpty() ? alias : path;
        String wanted = http.endpoint().model();
        if (wanted != null && !wanted.equals(alias) && !wanted.equals(path) && !wanted.equals(fileName(path))) {
            throw new RemoteTargetException(Reason.UNKNOWN_MODEL, "--model " + wanted + ": llama-server at "
                    + http.endpoint().url() + " serves '" + model + "' only");
        }
        this.identity = new ServerIdentity(TargetApi.LLAMA_SERVER, props.path("build_info").asText(null), model);
    }

    private static String fileName(String path) {
        return path.isEmpty() ? "" : String.valueOf(Path.of(path).getFileName());
    }

    @Override
    public ServerIdentity identity() {
        return identity;
    }

    @Override
    public Capabilities capabilities() {
        return new Capabilities(Capabilities.PromptScoring.PER_POSITION, Capabilities.UNCAPPED, true,
                "no prompt log-probabilities (echo refused): scoring n positions costs n sequential requests with "
                        + "the prefix cached");
    }

    @Override
    public int[] tokenize(String text) {
        ObjectNode body = Requests.object().put("content", text).put("add_special", true);
        JsonNode r = http.post("/tokenize", body);
        return new Shape("POST " + http.endpoint().resolve("/tokenize")).ids(r, "tokens");
    }

    @Override
    public Generation generate(int[] promptIds, int maxTokens, int topN, long seed) {
        Requests.checkGenerate(promptIds, maxTokens, topN);
        ObjectNode body = completion(Requests.ids(promptIds, 0, promptIds.length), maxTokens, topN)
                .put("seed", seed).put("cache_prompt", false);
        JsonNode r = http.post("/completion", body);
        Shape s = new Shape("POST " + http.endpoint().resolve("/completion"));
        int[] ids = s.ids(r, "tokens");
        if (ids.length != maxTokens) {
            throw s.wrong("tokens", maxTokens + " tokens (ignore_eos), stop_type '" + r.path("stop_type").asText()
                    + "'", r.path("tokens"));
        }
        List<PositionTop> rows = topN == 0 ? List.of() : rows(s, r, ids.length);
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).chosen() != ids[i]) {
                throw s.wrong("completion_probabilities[" + i + "].id", "token " + ids[i], r.path(
                        "completion_probabilities").path(i).path("id"));
            }
        }
        return new Generation(ids, rows, usage(s, r));
    }

    @Override
    public PromptScores score(int[] ids, int from, int topN) {
        Requests.checkScore(ids, from, topN);
        Shape s = new Shape("POST " + http.endpoint().resolve("/completion"));
        List<PositionTop> rows = new ArrayList<>();
        Usage usage = Usage.NONE;
        for (int p = from; p < ids.length; p++) {
            ObjectNode body = completion(Requests.ids(ids, 0, p), 1, topN).put("cache_prompt", true);
            JsonNode r = http.post("/completion", body);
            PositionTop generated = rows(s, r, 1).get(0);
            rows.add(new PositionTop(ids[p], generated.logprobOf(ids[p]), generated.top()));
            usage = usage.plus(usage(s, r));
        }
        return new PromptScores(from, rows, ids.length - from, usage);
    }

    private static ObjectNode completion(ArrayNode prompt, int n, int topN) {
        ObjectNode body = Requests.object();
        body.set("prompt", prompt);
        return body.put("n_predict", n).put("temperature", 0).put("top_k", 1).put("ignore_eos", true)
                .put("n_probs", topN).put("return_tokens", true).put("stream", false);
    }

    private static List<PositionTop> rows(Shape s, JsonNode r, int n) {
        ArrayNode probs = s.array(r, "completion_probabilities");
        if (probs.size() != n) {
            throw s.wrong("completion_probabilities", n + " entries", probs);
        }
        List<PositionTop> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String at = "completion_probabilities[" + i + "]";
            JsonNode p = probs.get(i);
            ArrayNode tops = s.array(p, "top_logprobs");
            List<TopEntry> top = new ArrayList<>(tops.size());
            for (int j = 0; j < tops.size(); j++) {
                String e = at + ".top_logprobs[" + j + "]";
                top.add(new TopEntry(s.id(tops.get(j).path("id"), e + ".id"),
                        s.logprob(tops.get(j).path("logprob"), e + ".logprob")));
            }
            rows.add(new PositionTop(s.id(p.path("id"), at + ".id"), s.logprob(p.path("logprob"), at + ".logprob"),
                    top));
        }
        return rows;
    }

    private static Usage usage(Shape s, JsonNode r) {
        return new Usage(s.count(r, "tokens_evaluated"), s.count(r, "tokens_predicted"));
    }

    @Override
    public void close() {
        http.close();
    }
}

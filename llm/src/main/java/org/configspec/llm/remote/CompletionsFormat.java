package org.configspec.llm.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The OpenAI legacy completions wire format ({@code POST /v1/completions}) that vLLM and hosted OpenAI-compatible
 * providers speak: a token-id {@code prompt}, {@code logprobs: N}, and in the answer {@code choices[0].logprobs} with
 * {@code tokens}, {@code token_logprobs} (null for the first prompt token under {@code echo}) and {@code top_logprobs}
 * (one dict per position, keyed by token; ids only with {@code return_tokens_as_token_ids}: "token_id:123"), plus
 * {@code usage}. A top dict may hold N + 1 entries (the chosen token added); rows keep the N most probable.
 */
final class CompletionsFormat {
    static final String PATH = "/v1/completions";

    private CompletionsFormat() {
    }

    /** A greedy, EOS-ignoring completion request for {@code model} on a token-id prompt. */
    static ObjectNode request(String model, ArrayNode prompt, int maxTokens, int topN, long seed) {
        ObjectNode body = Requests.object();
        if (model != null) {
            body.put("model", model);
        }
        body.set("prompt", prompt);
        body.put("max_tokens", maxTokens).put("temperature", 0).put("seed", seed).put("ignore_eos", true)
                .put("return_tokens_as_token_ids", true);
        if (topN > 0) {
            body.put("logprobs", topN);
        }
        return body;
    }

    static JsonNode choice(Shape s, JsonNode r) {
        s.array(r, "choices");
        return s.object(r, "choices.0");
    }

    /** The generated ids: {@code choices[0].token_ids} (vLLM, Fireworks) or the "token_id:N" {@code tokens}. */
    static int[] generatedIds(Shape s, JsonNode choice, int maxTokens) {
        int[] ids;
        if (choice.path("token_ids").isArray()) {
            ids = s.ids(choice, "token_ids");
        } else {
            ArrayNode tokens = s.array(choice, "logprobs.tokens");
            ids = new int[tokens.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = s.keyId(tokens.get(i).asText(), "choices[0].logprobs.tokens[" + i + "]");
            }
        }
        if (ids.length != maxTokens) {
            throw s.wrong("choices[0].token_ids", maxTokens + " tokens (ignore_eos; finish_reason '"
                    + choice.path("finish_reason").asText() + "')", choice.path("token_ids"));
        }
        return ids;
    }

    /** Rows {@code first .. first + ids.length - 1} of {@code choices[0].logprobs}, for tokens {@code ids}. */
    static List<PositionTop> rows(Shape s, JsonNode choice, int first, int[] ids, int topN) {
        ArrayNode lps = s.array(choice, "logprobs.token_logprobs");
        ArrayNode tops = s.array(choice, "logprobs.top_logprobs");
        if (lps.size() < first + ids.length || tops.size() < first + ids.length) {
            throw s.wrong("choices[0].logprobs.top_logprobs", (first + ids.length) + " entries", tops);
        }
        List<PositionTop> rows = new ArrayList<>(ids.length);
        for (int i = 0; i < ids.length; i++) {
            int p = first + i;
            String at = "choices[0].logprobs.top_logprobs[" + p + "]";
            JsonNode dict = tops.get(p);
            if (!dict.isObject()) {
                throw s.wrong(at, "an object of token -> log-probability", dict);
            }
            List<TopEntry> top = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = dict.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                double lp = s.logprob(e.getValue(), at + "." + e.getKey());
                if (lp > Shape.FLOOR) {
                    top.add(new TopEntry(s.keyId(e.getKey(), at), lp));
                }
            }
            JsonNode chosen = lps.get(p);
            double lp = chosen.isNull() ? Double.NaN : s.logprob(chosen, "choices[0].logprobs.token_logprobs[" + p
                    + "]");
            rows.add(new PositionTop(ids[i], lp <= Shape.FLOOR ? Double.NaN : lp, mostProbable(top, topN)));
        }
        return rows;
    }

    static List<TopEntry> mostProbable(List<TopEntry> entries, int n) {
        return entries.stream().sorted(Comparator.comparingDouble(TopEntry::logprob).reversed()).limit(n).toList();
    }

    static Usage usage(Shape s, JsonNode r) {
        return new Usage(s.count(r, "usage.prompt_tokens"), s.count(r, "usage.completion_tokens"));
    }

    /** The first model id of {@code GET /v1/models}, or {@code wanted} when the list has it; else UNKNOWN_MODEL. */
    static String model(HttpJson http, String wanted) {
        Shape s = new Shape("GET " + http.endpoint().resolve("/v1/models"));
        JsonNode r = http.get("/v1/models");
        ArrayNode data = s.array(r, "data");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            ids.add(data.get(i).path("id").asText());
        }
        if (wanted == null) {
            if (ids.isEmpty()) {
                throw s.wrong("data", "at least one model", data);
            }
            return ids.get(0);
        }
        if (!ids.contains(wanted)) {
            throw new RemoteTargetException(RemoteTargetException.Reason.UNKNOWN_MODEL, "--model " + wanted
                    + ": not served at " + http.endpoint().url() + "; it serves: " + String.join(", ", ids));
        }
        return wanted;
    }
}

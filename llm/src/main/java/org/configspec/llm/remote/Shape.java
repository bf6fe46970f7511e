package org.configspec.llm.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.configspec.core.json.MachineJson;
import org.configspec.llm.remote.RemoteTargetException.Reason;

/**
 * Reads the fields of an engine's answer, each failure one {@link Reason#BAD_RESPONSE} line naming the endpoint, the
 * field and what was there instead ("a response of the wrong shape").
 */
final class Shape {
    /** vLLM writes {@code -9999.0} for log-probabilities below float range; such entries are not listed. */
    static final double FLOOR = -9999.0;

    private final String where;

    Shape(String where) {
        this.where = where;
    }

    RemoteTargetException wrong(String field, String expected, JsonNode found) {
        String f = found == null || found.isMissingNode() ? "nothing" : abbreviate(found.toString());
        return new RemoteTargetException(Reason.BAD_RESPONSE, where + ": response of the wrong shape: field '" + field
                + "' should be " + expected + " but is " + f);
    }

    JsonNode field(JsonNode n, String path) {
        JsonNode x = n;
        for (String p : path.split("\\.")) {
            x = p.matches("\\d+") ? x.path(Integer.parseInt(p)) : x.path(p);
        }
        return x;
    }

    ArrayNode array(JsonNode n, String path) {
        JsonNode x = field(n, path);
        if (!x.isArray()) {
            throw wrong(path, "an array", x);
        }
        return (ArrayNode) x;
    }

    JsonNode object(JsonNode n, String path) {
        JsonNode x = field(n, path);
        if (!x.isObject()) {
            throw wrong(path, "an object", x);
        }
        return x;
    }

    int id(JsonNode x, String path) {
        if (!x.canConvertToInt() || !x.isIntegralNumber() || x.asInt() < 0) {
            throw wrong(path, "a token id (an integer >= 0)", x);
        }
        return x.asInt();
    }

    int[] ids(JsonNode n, String path) {
        ArrayNode a = array(n, path);
        int[] ids = new int[a.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = id(a.get(i), path + "[" + i + "]");
        }
        return ids;
    }

    double logprob(JsonNode x, String path) {
        if (!x.isNumber() || !(x.asDouble() <= 1e-6)) {
            throw wrong(path, "a log-probability (a number <= 0)", x);
        }
        return Math.min(0, x.asDouble());
    }

    long count(JsonNode n, String path) {
        JsonNode x = field(n, path);
        if (x.isMissingNode() || x.isNull()) {
            return 0;
        }
        if (!x.isIntegralNumber() || x.asLong() < 0) {
            throw wrong(path, "a token count", x);
        }
        return x.asLong();
    }

    /** A vLLM/OpenAI key "token_id:123" (return_tokens_as_token_ids) or a plain "123" (prompt_logprobs). */
    int keyId(String key, String path) {
        String k = key.startsWith("token_id:") ? key.substring("token_id:".length()) : key;
        try {
            int id = Integer.parseInt(k);
            if (id >= 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw wrong(path, "keyed by token ids (\"123\" or \"token_id:123\"; the provider returned token text, which "
                + "does not identify a token)", MachineJson.strict().getNodeFactory().textNode(key));
    }

    static String abbreviate(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "..." : s;
    }
}

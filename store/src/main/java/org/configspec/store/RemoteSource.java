package org.configspec.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.configspec.core.error.Check;
import org.configspec.core.error.ConfigSpecException;

/**
 * The serving engine a stored profile's target ran on (acceptance profiled with {@code --target-url}, a measured
 * verify time): what answered, and what the provider reported for the requests (the tokens a hosted API bills,
 * the {@code logprob-api} cost regime's input).
 *
 * @param api              "llama-server", "vllm", "sglang", "openai"
 * @param serverVersion    the server's build or version, or "unknown"
 * @param modelId          the model the server named
 * @param url              the endpoint's base URL (no credentials)
 * @param topN             log-probabilities listed per generated position, 0 where none were asked for
 * @param requests         requests sent for this profile
 * @param promptTokens     prompt tokens the provider reported
 * @param completionTokens completion tokens the provider reported
 */
public record RemoteSource(String api, String serverVersion, String modelId, String url, int topN, long requests,
                           long promptTokens, long completionTokens) {
    public RemoteSource {
        Check.name("remote api", api);
        Check.name("remote server version", serverVersion);
        Check.name("remote model id", modelId);
        Check.name("remote url", url);
        if (url.contains("@")) {
            throw new ConfigSpecException("remote url '" + url.replaceAll("//[^@]*@", "//…@") + "': credentials in "
                    + "a stored URL (allowed: a URL without user info; keys go in --api-key-env)");
        }
        if (topN < 0 || requests < 0 || promptTokens < 0 || completionTokens < 0) {
            throw new ConfigSpecException("remote source: counts must be >= 0, got top-N " + topN + ", requests "
                    + requests + ", tokens " + promptTokens + "/" + completionTokens);
        }
    }

    public ObjectNode toJson() {
        ObjectNode n = CanonicalJson.MAPPER.createObjectNode();
        n.put("api", api);
        n.put("serverVersion", serverVersion);
        n.put("modelId", modelId);
        n.put("url", url);
        n.put("topN", topN);
        n.put("requests", requests);
        ObjectNode u = n.putObject("usage");
        u.put("promptTokens", promptTokens);
        u.put("completionTokens", completionTokens);
        return n;
    }

    static RemoteSource read(Fields f) {
        Fields u = f.object("usage");
        return new RemoteSource(f.string("api"), f.string("serverVersion"), f.string("modelId"), f.string("url"),
                (int) f.integer("topN", 0, 0, Integer.MAX_VALUE), f.integer("requests", 0, 0, Long.MAX_VALUE),
                u.integer("promptTokens", 0, 0, Long.MAX_VALUE), u.integer("completionTokens", 0, 0, Long.MAX_VALUE));
    }
}

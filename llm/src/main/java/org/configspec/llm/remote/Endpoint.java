package org.configspec.llm.remote;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Map;
import org.configspec.core.error.ConfigSpecException;

/**
 * Where the target runs and how to reach it. The API key is never held here: only the name of the environment
 * variable that carries it, read when the target is opened ({@link #apiKey}); no message prints the key.
 *
 * @param url       the server's base URL (http or https, e.g. {@code http://127.0.0.1:8080}); a trailing {@code /v1}
 *                  is allowed and dropped, as users copy OpenAI base URLs
 * @param api       the wire API, or {@link TargetApi#AUTO} to identify the server
 * @param model     the model name requests carry, or null for the server's only (first) model
 * @param apiKeyEnv the environment variable holding a bearer key, or null for none
 * @param timeout   the time one request may take
 * @param retry     what to do on 429 and 5xx
 */
public record Endpoint(URI url, TargetApi api, String model, String apiKeyEnv, Duration timeout, RetryPolicy retry) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

    public Endpoint {
        if (url == null || url.getScheme() == null || !(url.getScheme().equals("http")
                || url.getScheme().equals("https")) || url.getHost() == null) {
            throw new ConfigSpecException("--url = '" + url + "': not an http(s) URL with a host; allowed e.g. "
                    + "http://127.0.0.1:8080");
        }
        String path = url.getPath() == null ? "" : url.getPath().replaceAll("/+$", "");
        if (path.endsWith("/v1")) {
            path = path.substring(0, path.length() - 3);
        }
        try {
            url = new URI(url.getScheme(), null, url.getHost(), url.getPort(), path, null, null);
        } catch (URISyntaxException e) {
            throw new ConfigSpecException("--url = '" + url + "': " + e.getMessage(), e);
        }
        if (api == null) {
            api = TargetApi.AUTO;
        }
        if (model != null && model.isBlank()) {
            model = null;
        }
        if (apiKeyEnv != null && !apiKeyEnv.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new ConfigSpecException("--api-key-env = '" + apiKeyEnv + "': not an environment variable name; "
                    + "allowed letters, digits and '_'");
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new ConfigSpecException("request timeout " + timeout + ": allowed a positive duration");
        }
        if (retry == null) {
            retry = RetryPolicy.defaults();
        }
    }

    /** An endpoint at {@code url} (parsed; one line when malformed) with the default timeout and retries. */
    public static Endpoint of(String url, TargetApi api, String model, String apiKeyEnv) {
        URI u;
        try {
            u = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new ConfigSpecException("--url = '" + url + "': malformed URL (" + e.getReason()
                    + "); allowed e.g. http://127.0.0.1:8080");
        }
        return new Endpoint(u, api, model, apiKeyEnv, DEFAULT_TIMEOUT, RetryPolicy.defaults());
    }

    public Endpoint withApi(TargetApi a) {
        return new Endpoint(url, a, model, apiKeyEnv, timeout, retry);
    }

    public Endpoint withModel(String m) {
        return new Endpoint(url, api, m, apiKeyEnv, timeout, retry);
    }

    public Endpoint withRetry(RetryPolicy r) {
        return new Endpoint(url, api, model, apiKeyEnv, timeout, r);
    }

    public Endpoint withTimeout(Duration t) {
        return new Endpoint(url, api, model, apiKeyEnv, t, retry);
    }

    /** The key from {@code env}, or null without {@link #apiKeyEnv}; one line when the variable is unset or empty. */
    public String apiKey(Map<String, String> env) {
        if (apiKeyEnv == null) {
            return null;
        }
        String k = env.get(apiKeyEnv);
        if (k == null || k.isBlank()) {
            throw new ConfigSpecException("--api-key-env " + apiKeyEnv + ": the environment variable is unset or "
                    + "empty; allowed: the name of a variable that holds the server's API key");
        }
        String key = k.trim();
        if (key.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new ConfigSpecException("--api-key-env " + apiKeyEnv + ": the key contains control characters;"
                    + " allowed: printable text");
        }
        return key;
    }

    /** The URL of {@code path} (starting with '/') on this server. */
    public URI resolve(String path) {
        return URI.create(url.toString() + path);
    }
}

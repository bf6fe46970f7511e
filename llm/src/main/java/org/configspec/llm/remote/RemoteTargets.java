package org.configspec.llm.remote;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.function.Predicate;
import org.configspec.llm.remote.RemoteTargetException.Reason;

/** Opens a {@link RemoteTarget}: identifies the server when the API is {@link TargetApi#AUTO}. */
public final class RemoteTargets {
    private RemoteTargets() {
    }

    /** Opens {@code endpoint}, reading its API key (if any) from the process environment. */
    public static RemoteTarget open(Endpoint endpoint) {
        return open(endpoint, System.getenv());
    }

    /**
     * Opens {@code endpoint} with the API key from {@code env}. With {@link TargetApi#AUTO} the server is identified
     * by what answers: llama-server's {@code /props}, SGLang's {@code /get_model_info}, vLLM's {@code /version}, then
     * any OpenAI-compatible {@code /v1/models}. The adapter's constructor checks the model name.
     */
    public static RemoteTarget open(Endpoint endpoint, Map<String, String> env) {
        HttpJson http = new HttpJson(endpoint, endpoint.apiKey(env));
        TargetApi api = endpoint.api() == TargetApi.AUTO ? identify(http) : endpoint.api();
        return switch (api) {
            case LLAMA_SERVER -> new LlamaServerTarget(http);
            case VLLM -> new VllmTarget(http);
            case SGLANG -> new SglangTarget(http);
            case OPENAI -> new OpenAiTarget(http);
            case AUTO -> throw new IllegalStateException("identify returned auto");
        };
    }

    /** The API of the server behind {@code http}; one line when none of the known ones answers. */
    static TargetApi identify(HttpJson http) {
        if (answers(http, "/props", n -> n.has("build_info") || n.path("default_generation_settings").isObject())) {
            return TargetApi.LLAMA_SERVER;
        }
        if (answers(http, "/get_model_info", n -> n.path("model_path").isTextual())) {
            return TargetApi.SGLANG;
        }
        if (answers(http, "/version", n -> n.path("version").isTextual())) {
            return TargetApi.VLLM;
        }
        if (answers(http, "/v1/models", n -> n.path("data").isArray())) {
            return TargetApi.OPENAI;
        }
        throw new RemoteTargetException(Reason.NOT_FOUND, http.endpoint().url() + ": no known serving API answered "
                + "(tried llama-server /props, SGLang /get_model_info, vLLM /version, OpenAI /v1/models); is this the "
                + "server's base URL? allowed --api " + TargetApi.names());
    }

    /** Whether GET {@code path} answers JSON that {@code looksRight}; 404, other refusals and wrong shapes say no. */
    private static boolean answers(HttpJson http, String path, Predicate<JsonNode> looksRight) {
        try {
            return looksRight.test(http.get(path));
        } catch (RemoteTargetException e) {
            if (e.reason() == Reason.DOWN || e.reason() == Reason.TIMEOUT || e.reason() == Reason.UNAUTHORIZED
                    || e.reason() == Reason.SERVER_ERROR) {
                throw e;
            }
            return false;
        }
    }
}

package org.configspec.llm.remote;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.configspec.core.error.ConfigSpecException;

/** The wire API a serving engine speaks. {@link #AUTO} asks {@link RemoteTargets#open} to identify the server. */
public enum TargetApi {
    AUTO("auto"),
    /** llama.cpp's llama-server: {@code /completion}, {@code /tokenize}, {@code /props}. */
    LLAMA_SERVER("llama-server"),
    /** vLLM's OpenAI-compatible server with its extensions ({@code prompt_logprobs}, {@code return_token_ids}). */
    VLLM("vllm"),
    /** SGLang's native {@code /generate} ({@code input_ids}, {@code logprob_start_len}). */
    SGLANG("sglang"),
    /** A generic OpenAI-compatible legacy {@code /v1/completions} endpoint (top-5 log-probabilities). */
    OPENAI("openai");

    private final String cliName;

    TargetApi(String cliName) {
        this.cliName = cliName;
    }

    /** The name on the command line and in stored provenance. */
    public String cliName() {
        return cliName;
    }

    /** The API named {@code name} (case-insensitive); {@code flag} names the option in the error line. */
    public static TargetApi parse(String name, String flag) {
        for (TargetApi a : values()) {
            if (a.cliName.equalsIgnoreCase(name.trim())) {
                return a;
            }
        }
        throw new ConfigSpecException(flag + " = '" + name + "': not an API; allowed: " + names());
    }

    /** "auto, llama-server, vllm, sglang, openai" */
    public static String names() {
        return Arrays.stream(values()).map(TargetApi::cliName).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return cliName.toLowerCase(Locale.ROOT);
    }
}

package org.configspec.cli.commands.profile;

import org.configspec.llm.remote.Endpoint;
import org.configspec.llm.remote.RemoteTarget;
import org.configspec.llm.remote.RemoteTargets;
import org.configspec.llm.remote.TargetApi;
import picocli.CommandLine.Option;

/** A target on a serving engine: --target-url URL [--target-api A] [--target-model NAME] [--api-key-env VAR]. */
public final class TargetUrlOptions {
    @Option(names = "--target-url", paramLabel = "URL",
            description = "Profile against a target on a serving engine at this base URL (llama-server, vLLM, SGLang,"
                    + " an OpenAI-compatible completions API) instead of a local GGUF.")
    String url;

    @Option(names = "--target-api", paramLabel = "API", defaultValue = "auto",
            description = "The server's API: auto, llama-server, vllm, sglang, openai.")
    String api;

    @Option(names = "--target-model", paramLabel = "NAME",
            description = "The model requests name (default: the server's only or first model).")
    String model;

    @Option(names = "--api-key-env", paramLabel = "VAR",
            description = "Environment variable holding the server's API key (sent as a bearer token; never printed).")
    String apiKeyEnv;

    /** True when --target-url was given. */
    public boolean given() {
        return url != null;
    }

    public String url() {
        return url;
    }

    public Endpoint endpoint() {
        return Endpoint.of(url, TargetApi.parse(api, "--target-api"), model, apiKeyEnv);
    }

    /** Opens the target (identifies the server with --target-api auto); one line when it does not answer. */
    public RemoteTarget open() {
        return RemoteTargets.open(endpoint());
    }
}

package org.configspec.llm.remote;

import java.util.Objects;

/**
 * What answered at the endpoint, for the provenance of everything measured against it.
 *
 * @param api     the API the server speaks (never {@link TargetApi#AUTO})
 * @param version the server's build or version string ("b7090-80fb11a", "0.11.0"), or "unknown"
 * @param modelId the model id requests name (vLLM/OpenAI {@code /v1/models}, SGLang {@code model_path},
 *                llama-server's alias or file)
 */
public record ServerIdentity(TargetApi api, String version, String modelId) {
    public ServerIdentity {
        Objects.requireNonNull(api, "api");
        if (api == TargetApi.AUTO) {
            throw new IllegalArgumentException("a server identity names its API, not auto");
        }
        version = version == null || version.isBlank() ? "unknown" : version;
        modelId = modelId == null || modelId.isBlank() ? "unknown" : modelId;
    }

    @Override
    public String toString() {
        return api.cliName() + " " + version + ", model " + modelId;
    }
}

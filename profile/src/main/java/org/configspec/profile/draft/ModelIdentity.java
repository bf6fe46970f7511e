package org.configspec.profile.draft;

import org.configspec.core.error.Check;

/**
 * Which model was measured. Empty strings and 0 where unknown (llama-bench imports carry no sha256).
 *
 * @param name         the name the user gave (a default model name) or the file name without {@code .gguf}
 * @param path         the GGUF file
 * @param architecture e.g. {@code llama}
 * @param quant        quantisation / file type, e.g. {@code F32}, {@code Q8_0}, {@code Q4_K_M}
 * @param sha256       lower-case hex sha256 of the file
 * @param parameters   parameter count
 */
public record ModelIdentity(String name, String path, String architecture, String quant, String sha256,
                            long parameters) {
    public ModelIdentity {
        Check.name("model name", name);
        Check.name("model quant", quant);
        path = path == null ? "" : path;
        architecture = architecture == null ? "" : architecture;
        sha256 = sha256 == null ? "" : sha256;
    }
}

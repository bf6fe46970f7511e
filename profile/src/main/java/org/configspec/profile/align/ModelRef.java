package org.configspec.profile.align;

import org.configspec.core.error.Check;
import org.configspec.llm.model.ModelInfo;

/**
 * Which model file was profiled.
 *
 * @param name       the name the user gave (a default model name or a path)
 * @param file       the GGUF file
 * @param sha256     the file's SHA-256 (lower-case hex)
 * @param fileType   quantisation / file type, e.g. F32, Q8_0
 * @param parameters tensor elements
 * @param blocks     transformer blocks
 */
public record ModelRef(String name, String file, String sha256, String fileType, long parameters, int blocks) {
    public ModelRef {
        Check.name("model name", name);
        Check.name("model file", file);
        Check.name("model sha256", sha256);
        Check.name("model file type", fileType);
    }

    public static ModelRef of(String name, ModelInfo info) {
        return new ModelRef(name, info.path().toString(), info.sha256(), info.fileType(), info.parameterCount(),
                info.blockCount());
    }
}

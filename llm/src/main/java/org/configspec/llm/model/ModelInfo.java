package org.configspec.llm.model;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What a GGUF model file is: read in Java from its header (no native code), plus the file's size and sha256.
 *
 * @param path           the file
 * @param name           {@code general.name}, else the file name
 * @param architecture   {@code general.architecture}, e.g. {@code llama}
 * @param parameterCount total tensor elements
 * @param fileSize       bytes
 * @param sha256         lower-case hex of the file's SHA-256
 * @param fileType       quantisation / file type, e.g. {@code F32}, {@code Q8_0}, {@code Q4_K_M}
 * @param contextLength  training context length ({@code <arch>.context_length}), 0 if absent
 * @param vocabSize      number of tokenizer tokens, 0 if absent
 * @param blockCount     transformer blocks ({@code <arch>.block_count}), 0 if absent
 */
public record ModelInfo(Path path, String name, String architecture, long parameterCount, long fileSize, String sha256,
                        String fileType, int contextLength, int vocabSize, int blockCount) {
    public ModelInfo {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(fileType, "fileType");
    }
}

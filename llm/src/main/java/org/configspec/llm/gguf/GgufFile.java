package org.configspec.llm.gguf;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parsed header of a GGUF file (metadata and tensor directory; tensor data stays on disk).
 *
 * @param path       the file it was read from
 * @param version    GGUF version (2 or 3)
 * @param metadata   key/value pairs in file order
 * @param tensors    tensor directory in file order
 * @param dataOffset absolute file offset of the (aligned) data section
 * @param fileSize   size of the file in bytes
 */
public record GgufFile(Path path, int version, Map<String, GgufValue> metadata, List<GgufTensorInfo> tensors,
                       long dataOffset, long fileSize) {

    public static final int DEFAULT_ALIGNMENT = 32;

    public GgufFile {
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        tensors = List.copyOf(tensors);
    }

    public Optional<GgufValue> get(String key) {
        return Optional.ofNullable(metadata.get(key));
    }

    public Optional<String> getString(String key) {
        return get(key).filter(v -> v.type() == GgufValueType.STRING).map(GgufValue::asString);
    }

    public Optional<Long> getLong(String key) {
        return get(key).filter(v -> v.value() instanceof Long).map(GgufValue::asLong);
    }

    /** {@code general.alignment}, default 32. */
    public int alignment() {
        return getLong("general.alignment").map(Long::intValue).orElse(DEFAULT_ALIGNMENT);
    }

    /** {@code general.architecture}, or empty. */
    public Optional<String> architecture() {
        return getString("general.architecture");
    }

    public Optional<GgufTensorInfo> tensor(String name) {
        return tensors.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** Absolute file offset of a tensor's data. */
    public long absoluteOffset(GgufTensorInfo t) {
        return dataOffset + t.offset();
    }

    /** Total number of tensor elements (the parameter count). */
    public long parameterCount() {
        return tensors.stream().mapToLong(GgufTensorInfo::elements).sum();
    }
}

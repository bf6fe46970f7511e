package org.configspec.llm.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.configspec.llm.LlmException;
import org.configspec.llm.gguf.GgmlType;
import org.configspec.llm.gguf.GgufException;
import org.configspec.llm.gguf.GgufFile;
import org.configspec.llm.gguf.GgufReader;
import org.configspec.llm.gguf.GgufTensorInfo;
import org.configspec.llm.gguf.GgufValue;
import org.configspec.llm.gguf.HyperParameters;

/**
 * Reads {@link ModelInfo} from a GGUF and validates, in Java, that llama.cpp can be handed the file: a well-formed
 * GGUF ({@link GgufReader}), an architecture llama.cpp 0.4.0 knows, hyper-parameters llama.cpp will not abort on
 * ({@link HyperParameters}) and a tokenizer. Every model load goes through here. Stateless.
 */
public final class ModelInspector {
    private static final Set<String> ARCHITECTURES = loadArchitectures();
    private static final Map<Integer, String> FILE_TYPES = new HashMap<>();

    static {
        String[] names = {"F32", "F16", "Q4_0", "Q4_1", null, null, null, "Q8_0", "Q5_0", "Q5_1", "Q2_K", "Q3_K_S",
            "Q3_K_M", "Q3_K_L", "Q4_K_S", "Q4_K_M", "Q5_K_S", "Q5_K_M", "Q6_K", "IQ2_XXS", "IQ2_XS", "Q2_K_S",
            "IQ3_XS", "IQ3_XXS", "IQ1_S", "IQ4_NL", "IQ3_S", "IQ3_M", "IQ2_S", "IQ2_M", "IQ4_XS", "IQ1_M", "BF16",
            null, null, null, "TQ1_0", "TQ2_0", "MXFP4_MOE", "NVFP4", "Q1_0", "Q2_0"};
        for (int i = 0; i < names.length; i++) {
            if (names[i] != null) {
                FILE_TYPES.put(i, names[i]);
            }
        }
    }

    private ModelInspector() { }

    /** Architectures llama.cpp 0.4.0 can load. */
    public static Set<String> architectures() {
        return ARCHITECTURES;
    }

    /** Parses and validates the file for llama.cpp; returns the parsed header. */
    public static GgufFile validate(Path path) {
        GgufFile f = GgufReader.read(path);
        String arch = f.architecture().orElseThrow(() ->
                new GgufException("invalid model " + path + ": no general.architecture in the GGUF metadata"));
        if (!ARCHITECTURES.contains(arch)) {
            throw new GgufException("unsupported model architecture '" + arch + "' in " + path
                    + ": llama.cpp 0.4.0 supports e.g. llama, qwen2, qwen3, gemma3, phi3 (" + ARCHITECTURES.size()
                    + " in all)");
        }
        if (f.getLong(arch + ".block_count").isEmpty()) {
            throw new GgufException("invalid model " + path + ": no " + arch + ".block_count in the GGUF metadata");
        }
        HyperParameters.check(f, arch);
        if (f.get("tokenizer.ggml.model").isEmpty()) {
            throw new GgufException("invalid model " + path + ": no tokenizer (tokenizer.ggml.model) in the GGUF");
        }
        if (f.tensors().isEmpty()) {
            throw new GgufException("invalid model " + path + ": no tensors (a vocab-only GGUF cannot generate)");
        }
        return f;
    }

    /** Full description including the sha256 of the file. */
    public static ModelInfo inspect(Path path) {
        GgufFile f = validate(path);
        return info(f, sha256(path));
    }

    static ModelInfo info(GgufFile f, String sha256) {
        String arch = f.architecture().orElse("?");
        String name = f.getString("general.name").orElse(f.path().getFileName().toString());
        int ctx = f.getLong(arch + ".context_length").map(Long::intValue).orElse(0);
        int blocks = f.getLong(arch + ".block_count").map(Long::intValue).orElse(0);
        int vocab = f.get("tokenizer.ggml.tokens").map(v -> v.asList().size()).orElse(0);
        return new ModelInfo(f.path(), name, arch, f.parameterCount(), f.fileSize(), sha256, fileType(f), ctx, vocab,
                blocks);
    }

    /** {@code general.file_type} as a name, else the most common type of the 2-D tensors. */
    public static String fileType(GgufFile f) {
        var ft = f.get("general.file_type").filter(v -> v.value() instanceof Long).map(GgufValue::asLong);
        if (ft.isPresent() && FILE_TYPES.containsKey(ft.get().intValue())) {
            return FILE_TYPES.get(ft.get().intValue());
        }
        Map<GgmlType, Long> count = new HashMap<>();
        for (GgufTensorInfo t : f.tensors()) {
            if (t.dims().length >= 2) {
                count.merge(t.type(), t.elements(), Long::sum);
            }
        }
        return count.entrySet().stream().max(Map.Entry.comparingByValue()).map(e -> e.getKey().name())
                .orElse("unknown");
    }

    public static String sha256(Path path) {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20);
            while (ch.read(buf) >= 0) {
                buf.flip();
                md.update(buf);
                buf.clear();
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new LlmException("cannot read " + path + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> loadArchitectures() {
        try (InputStream in = ModelInspector.class.getResourceAsStream("/org/configspec/llm/gguf/llama-architectures.txt")) {
            Set<String> s = new LinkedHashSet<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                line = line.trim();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    s.add(line);
                }
            }
            return Collections.unmodifiableSet(s);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("missing resource llama-architectures.txt", e);
        }
    }
}

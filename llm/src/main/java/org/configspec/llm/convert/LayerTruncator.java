package org.configspec.llm.convert;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.configspec.llm.LlmException;
import org.configspec.llm.gguf.GgufFile;
import org.configspec.llm.gguf.GgufReader;
import org.configspec.llm.gguf.GgufValue;
import org.configspec.llm.gguf.GgufWriter;

/**
 * Makes a layer-truncated draft: keeps the first N transformer blocks of a GGUF (drops tensors {@code blk.N.*} and
 * above, sets {@code <arch>.block_count = N}), everything else (embedding, final norm, output head, vocab) unchanged.
 * Tensor data is copied byte for byte.
 */
public final class LayerTruncator {
    private static final Pattern BLOCK = Pattern.compile("^blk\\.(\\d+)\\.");

    private LayerTruncator() { }

    public static void truncate(Path in, Path out, int layers, String name) {
        GgufFile f = GgufReader.read(in);
        String arch = f.architecture().orElseThrow(() ->
                new LlmException("cannot truncate " + in + ": no general.architecture in the GGUF metadata"));
        String key = arch + ".block_count";
        long blocks = f.getLong(key).orElseThrow(() ->
                new LlmException("cannot truncate " + in + ": no " + key + " in the GGUF metadata"));
        if (layers < 1 || layers > blocks) {
            throw new LlmException("--layers " + layers + " is out of range for " + in + ": allowed 1.." + blocks);
        }
        Map<String, GgufValue> meta = new LinkedHashMap<>(f.metadata());
        meta.put(key, GgufValue.uint32(layers));
        if (name != null) {
            meta.put("general.name", GgufValue.string(name));
        }
        List<GgufWriter.Tensor> kept = GgufWriter.tensorsOf(f).stream().filter(t -> {
            Matcher m = BLOCK.matcher(t.name());
            return !m.find() || Integer.parseInt(m.group(1)) < layers;
        }).toList();
        try {
            GgufWriter.write(out, meta, kept);
        } catch (IOException e) {
            throw new LlmException("cannot write GGUF " + out + ": " + e.getMessage(), e);
        }
    }
}

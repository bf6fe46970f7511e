package org.configspec.profile.align;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.configspec.llm.ConfigSpecHome;
import org.configspec.llm.engine.LlamaModel;
import org.configspec.llm.engine.LlamaSession;
import org.configspec.llm.model.ModelInspector;
import org.configspec.llm.model.ModelStore;

/**
 * Real weights for the align tests: the default family, loaded once per JVM, one exact-context session per model.
 * Fails (never skips) when scripts/setup has not been run.
 */
final class AlignFixture {
    static final int THREADS = 1;
    static final String TARGET = "stories15M-f32";
    static final String Q8 = "stories15M-q8_0";
    static final String L5 = "stories15M-q8_0-l5";
    static final String L4 = "stories15M-q8_0-l4";

    private static ModelStore store;
    private static final Map<String, LlamaModel> MODELS = new HashMap<>();
    private static final Map<String, LlamaSession> SESSIONS = new HashMap<>();

    private AlignFixture() {
    }

    static synchronized ModelStore store() {
        if (store == null) {
            Path home = ConfigSpecHome.find().orElseThrow(() -> new AssertionError("ConfigSpec home not found"));
            Path models = home.resolve(".cache/models");
            if (!Files.isRegularFile(models.resolve(ModelStore.CHECKPOINT))) {
                throw new AssertionError("test weights missing under " + models + ": run scripts/setup first");
            }
            store = new ModelStore(models);
        }
        return store;
    }

    static synchronized LlamaModel model(String name) {
        return MODELS.computeIfAbsent(name, n -> LlamaModel.load(store().resolve(n)));
    }

    /** The shared exact session of a model (tests in one class run on one thread). */
    static synchronized LlamaSession session(String name) {
        return SESSIONS.computeIfAbsent(name, n -> model(n).newSession(ProfilingModels.options(THREADS)));
    }

    static ModelRef ref(String name) {
        return ModelRef.of(name, ModelInspector.inspect(model(name).path()));
    }

    static List<String> prompts() {
        try (InputStream in = AlignFixture.class.getResourceAsStream("tinystories-prompts.txt")) {
            return Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
                    .map(String::strip).filter(s -> !s.isEmpty()).toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}

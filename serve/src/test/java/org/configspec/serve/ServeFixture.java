package org.configspec.serve;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.configspec.llm.ConfigSpecHome;
import org.configspec.llm.engine.ContextOptions;
import org.configspec.llm.engine.LlamaModel;
import org.configspec.llm.engine.LlamaSession;
import org.configspec.llm.engine.TokenBatch;
import org.configspec.llm.model.ModelStore;
import org.configspec.serve.client.ClientOptions;
import org.configspec.serve.client.EdgeClient;
import org.configspec.serve.client.HttpVerifierTransport;
import org.configspec.serve.client.KPolicy;
import org.configspec.serve.client.VerifierTransport;
import org.configspec.serve.verifier.VerifierConfig;
import org.configspec.serve.verifier.VerifierServer;

/**
 * Real weights for the serve tests, loaded once per JVM (fails, never skips, without scripts/setup), the target's own
 * greedy output as the oracle, and small verifier/client settings with one llama thread.
 */
public final class ServeFixture {
    public static final String TARGET = "stories15M-f32";
    public static final String Q8 = "stories15M-q8_0";
    public static final String L5 = "stories15M-q8_0-l5";
    public static final String L4 = "stories15M-q8_0-l4";
    public static final String PROMPT = "Once upon a time";

    private static ModelStore store;
    private static final Map<String, LlamaModel> MODELS = new HashMap<>();
    private static final Map<String, int[]> GREEDY = new HashMap<>();

    private ServeFixture() {
    }

    public static synchronized LlamaModel model(String name) {
        if (store == null) {
            Path home = ConfigSpecHome.find().orElseThrow(() -> new AssertionError("ConfigSpec home not found"));
            Path models = home.resolve(".cache/models");
            if (!Files.isRegularFile(models.resolve(ModelStore.CHECKPOINT))) {
                throw new AssertionError("test weights missing under " + models + ": run scripts/setup first");
            }
            store = new ModelStore(models);
        }
        return MODELS.computeIfAbsent(name, n -> LlamaModel.load(store.resolve(n)));
    }

    public static LlamaModel target() {
        return model(TARGET);
    }

    public static int[] tokens(String text) {
        return target().tokenize(text, true);
    }

    /** The target's own greedy continuation of {@code prompt}, n tokens (fewer when it ends). */
    public static synchronized int[] greedy(int[] prompt, int n) {
        String key = Arrays.toString(prompt) + "/" + n;
        return GREEDY.computeIfAbsent(key, k -> {
            LlamaModel m = target();
            try (LlamaSession s = m.newSession(ContextOptions.defaults().withThreads(1).withContextSize(256)
                    .withBatchCapacity(256).exact())) {
                s.decode(TokenBatch.of(prompt, 0, 0, false));
                int[] out = new int[n];
                int row = prompt.length - 1;
                int pos = prompt.length;
                TokenBatch one = new TokenBatch(1);
                for (int i = 0; i < n; i++) {
                    out[i] = s.argmax(row);
                    if (out[i] == m.eos()) {
                        return Arrays.copyOf(out, i + 1);
                    }
                    one.clear();
                    one.add(out[i], pos++, 0, true);
                    s.decode(one);
                    row = 0;
                }
                return out;
            }
        }).clone();
    }

    public static VerifierConfig verifierConfig() {
        return VerifierConfig.defaults().withSessions(8, Duration.ofSeconds(60)).withThreads(1);
    }

    public static VerifierServer verifier() {
        return VerifierServer.start(verifierConfig(), target());
    }

    /** A verifier that batches up to 8 sessions, waiting at most 20 ms for them (the client tests' shared server). */
    public static VerifierServer batchingVerifier() {
        return VerifierServer.start(verifierConfig().withBatching(8, Duration.ofMillis(20)), target());
    }

    public static ClientOptions clientOptions() {
        return ClientOptions.defaults().withThreads(1).withFallbackAfter(Duration.ofSeconds(20));
    }

    public static VerifierTransport transport(String url) {
        return new HttpVerifierTransport(url, null, Duration.ofSeconds(20));
    }

    /** An HTTP transport to the verifier at {@code url} (its byte counters and session calls). */
    public static HttpVerifierTransport transportTo(String url) {
        return new HttpVerifierTransport(url, null, Duration.ofSeconds(20));
    }

    /** One greedy run of the draft against the verifier at {@code url}. */
    public static EdgeClient.Result run(String url, String draft, int[] prompt, int n, KPolicy policy)
            throws InterruptedException {
        try (VerifierTransport t = transport(url)) {
            return new EdgeClient(model(draft), t, clientOptions(), null).run(prompt, n, policy, null);
        }
    }
}

package org.configspec.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.configspec.core.stats.Median;
import org.configspec.llm.http.HttpConnection;
import org.configspec.llm.http.KeepAlivePool;
import org.configspec.llm.model.ModelStore;
import org.configspec.llm.remote.LlamaServerProcess;

/**
 * The two HTTP clients of the engine adapters (llm/remote) side by side in one JVM against one real llama-server: the
 * JDK client (what every request used before; https still does) and llm/http's {@link KeepAlivePool} (http now).
 * First the one-off costs in this fresh JVM (building each client, its first request), then {@code reps} rounds that
 * each send {@code batch} identical {@code POST /tokenize} requests with one client and then the other, alternating
 * which goes first; per client the median over rounds of the mean time per request. Not a timed test.
 * <p>Usage: {@code EngineHttpBench [key=value ...]}: {@code reps=15}, {@code batch=20}, {@code target=stories15M-f32}.
 */
public final class EngineHttpBench {
    private static final String BODY = "{\"content\":\"Once upon a time there was a little girl\",\"add_special\":true}";

    private EngineHttpBench() {
    }

    /** One client under test: sends the request once and returns the status. */
    private interface Client {
        int send() throws Exception;
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> a = BenchArgs.parse(argv);
        int reps = BenchArgs.integer(a, "reps", 15);
        int batch = BenchArgs.integer(a, "batch", 20);
        String target = a.getOrDefault("target", "stories15M-f32");
        try (LlamaServerProcess llama = LlamaServerProcess.start(LlamaServerProcess.Options.of(
                ModelStore.defaultStore().resolve(target)).withThreads(1))) {
            URI tokenize = URI.create(llama.url() + "/tokenize");
            long t0 = System.nanoTime();
            HttpClient jdk = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                    .followRedirects(HttpClient.Redirect.NORMAL).version(HttpClient.Version.HTTP_1_1).build();
            double jdkBuildMs = ms(t0);
            HttpRequest request = HttpRequest.newBuilder(tokenize).timeout(Duration.ofSeconds(10))
                    .header("Accept", "application/json").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(BODY, StandardCharsets.UTF_8)).build();
            Client viaJdk = () -> jdk.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                    .statusCode();
            t0 = System.nanoTime();
            KeepAlivePool pool = new KeepAlivePool(llama.url(), 10_000);
            double poolBuildMs = ms(t0);
            byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
            byte[] head = pool.head("POST", "/tokenize", body, "Accept: application/json",
                    "Content-Type: application/json");
            Client viaSockets = () -> {
                HttpConnection.Answer r = pool.exchange(head, body, System.nanoTime() + 10_000_000_000L);
                return r.status();
            };
            t0 = System.nanoTime();
            check(viaJdk.send());
            double jdkFirstMs = ms(t0);
            t0 = System.nanoTime();
            check(viaSockets.send());
            double poolFirstMs = ms(t0);
            System.out.printf(Locale.ROOT, "EngineHttpBench: llama-server %s, POST /tokenize, %d rounds of %d requests"
                    + " per client, alternating, %d processors%n", llama.url(), reps, batch,
                    Runtime.getRuntime().availableProcessors());
            System.out.printf(Locale.ROOT, "one-off in this JVM: JDK client build %.1f ms, first request %.1f ms;"
                    + " KeepAlivePool build %.3f ms, first request %.1f ms%n", jdkBuildMs, jdkFirstMs, poolBuildMs,
                    poolFirstMs);
            double[] jdkMs = new double[reps];
            double[] poolMs = new double[reps];
            for (int r = 0; r < reps; r++) {
                if (r % 2 == 0) {
                    jdkMs[r] = perRequest(viaJdk, batch);
                    poolMs[r] = perRequest(viaSockets, batch);
                } else {
                    poolMs[r] = perRequest(viaSockets, batch);
                    jdkMs[r] = perRequest(viaJdk, batch);
                }
            }
            double j = Median.of(jdkMs);
            double p = Median.of(poolMs);
            System.out.printf(Locale.ROOT, "ms per request, median of %d rounds (min-max): JDK client %.3f (%.3f-%.3f),"
                    + " KeepAlivePool %.3f (%.3f-%.3f); JDK / KeepAlivePool = %.2fx%n", reps, j, min(jdkMs),
                    max(jdkMs), p, min(poolMs), max(poolMs), j / p);
            pool.close();
        }
    }

    private static double perRequest(Client c, int batch) throws Exception {
        long t0 = System.nanoTime();
        for (int i = 0; i < batch; i++) {
            check(c.send());
        }
        return ms(t0) / batch;
    }

    private static void check(int status) {
        if (status != 200) {
            throw new IllegalStateException("POST /tokenize answered " + status);
        }
    }

    private static double ms(long t0) {
        return (System.nanoTime() - t0) / 1e6;
    }

    private static double min(double[] v) {
        return java.util.Arrays.stream(v).min().orElse(Double.NaN);
    }

    private static double max(double[] v) {
        return java.util.Arrays.stream(v).max().orElse(Double.NaN);
    }
}

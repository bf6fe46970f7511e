package org.configspec.cli.commands.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.configspec.cli.Main;
import org.configspec.llm.NeedsLlama;
import org.configspec.llm.NeedsNativeLlama;
import org.configspec.llm.engine.LlamaModel;
import org.configspec.llm.model.ModelStore;
import org.configspec.llm.remote.LlamaServerProcess;
import org.configspec.serve.backend.EngineBackend;
import org.configspec.serve.verifier.VerifierConfig;
import org.configspec.serve.verifier.VerifierServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code serve --backend} on a real llama-server (the natively built one, on loopback) is lossless: our edge client
 * ({@code configspec run}, draft stories15M-q8_0-l5) against our verifier whose target rows come from llama-server
 * prints exactly the text {@code configspec generate} prints for the target's greedy continuation of the same GGUF.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
@NeedsLlama
@NeedsNativeLlama
class ServeBackendLlamaServerTest {
    private static final String PROMPT = "Once upon a time";
    private static final String N = "32";

    @Test
    void runThroughServeBackendPrintsGeneratesGreedyText() {
        ModelStore store = ModelStore.defaultStore();
        String generated = generate();
        try (LlamaModel target = LlamaModel.load(store.resolve("stories15M-f32"));
             LlamaServerProcess llama = LlamaServerProcess.start(LlamaServerProcess.Options.of(
                     store.resolve("stories15M-f32")).withThreads(1));
             VerifierServer server = VerifierServer.start(VerifierConfig.defaults().withThreads(1)
                     .withSessions(4, Duration.ofSeconds(60)), target,
                     EngineBackend.open(llama.endpoint(null), target, 0, 8, 16))) {
            assertThat(server.backend()).startsWith("llama-server").contains("per-position fallback")
                    .contains("greedy stops at the first mismatch");
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), new String[] {"run", "--draft",
                "stories15M-q8_0-l5", "--verifier", server.url(), "--prompt", PROMPT, "-n", N, "--k", "4", "-t", "1"});
            assertThat(code).as(err.toString()).isZero();
            assertThat(out.toString().strip()).isEqualTo(generated.strip());
            System.out.println("serve --backend llama-server, run: " + err.toString().strip());
            // one engine request per scored row: at least one per round, never more than K + 1
            String metrics = server.metrics().scrape();
            double rounds = value(metrics, "configspec_verify_rounds_total");
            double requests = value(metrics, "configspec_backend_requests_total");
            assertThat(requests).isBetween(rounds, rounds * 5);
        }
    }

    /** {@code configspec generate}'s stdout for the target's greedy continuation. */
    private static String generate() {
        PrintStream old = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            code = Main.run(new PrintWriter(System.out, true), new PrintWriter(new StringWriter(), true),
                    new String[] {"generate", "--model", "stories15M-f32", "--prompt", PROMPT, "-n", N, "-t", "1"});
        } finally {
            System.setOut(old);
        }
        assertThat(code).isZero();
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith(", there was a little girl named Lily.");
        return text;
    }

    private static double value(String scrape, String name) {
        for (String line : scrape.split("\n")) {
            if (line.startsWith(name + " ")) {
                return Double.parseDouble(line.substring(name.length() + 1).trim());
            }
        }
        throw new AssertionError(name + " not in /metrics");
    }
}

package org.configspec.serve.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.configspec.llm.NeedsLlama;
import org.configspec.llm.NeedsNativeLlama;
import org.configspec.llm.remote.LlamaServerProcess;
import org.configspec.serve.ServeFixture;
import org.configspec.serve.verifier.VerifierServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The per-position fallback on a real llama-server (the natively built one, on loopback, same GGUF as our target): the
 * same verify rounds give our in-process verifier's answers ({@link SameRounds}), greedy with a mismatch at every
 * position — rows asked in pairs up to the first mismatch, so L + 1 or L + 2 requests for L accepted — and sampling
 * with the session's top-k inside the listing (K + 1 requests a round).
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
@NeedsLlama
@NeedsNativeLlama
class EngineBackendLlamaServerTest {
    private static LlamaServerProcess llama;
    private static VerifierServer local;
    private static VerifierServer remote;

    @BeforeAll
    static void start() {
        llama = LlamaServerProcess.start(LlamaServerProcess.Options.of(ServeFixture.target().path()));
        local = ServeFixture.verifier();
        remote = VerifierServer.start(ServeFixture.verifierConfig(), ServeFixture.target(),
                EngineBackend.open(llama.endpoint(null), ServeFixture.target(), 0, 8, 16));
    }

    @AfterAll
    static void stop() {
        remote.close();
        local.close();
        llama.close();
    }

    private static double requests() {
        String scrape = remote.metrics().scrape();
        for (String line : scrape.split("\n")) {
            if (line.startsWith("configspec_backend_requests_total ")) {
                return Double.parseDouble(line.substring(line.indexOf(' ') + 1));
            }
        }
        throw new AssertionError("no configspec_backend_requests_total in " + scrape);
    }

    @Test
    void greedyRoundsMatchTheLocalVerifierAndStopAtTheFirstMismatch() throws Exception {
        double before = requests();
        assertThat(SameRounds.greedy(local, remote, ServeFixture.PROMPT)).containsExactly(0, 1, 2, 3, 4);
        // rows in pairs (two requests), up to the first mismatch: L = 0, 1 -> 2; L = 2, 3 -> 4; L = 4 -> 6
        assertThat(requests() - before).isEqualTo(18.0);
        assertThat(remote.backend()).contains("per-position fallback").contains("greedy stops at the first mismatch");
    }

    @Test
    void samplingRoundsMatchTheLocalVerifier() throws Exception {
        double before = requests();
        int[] outcomes = SameRounds.sampling(local, remote, "The little dog", 6);
        System.out.println("llama-server sampling, accepted-length counts over 6 seeds: " + Arrays.toString(outcomes));
        assertThat(requests() - before).isEqualTo(6.0 * (SameRounds.K + 1));
        assertThat(remote.metrics().scrape()).contains("configspec_backend_truncated_rows_total 0.0");
    }
}

package org.configspec.serve.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.configspec.llm.NeedsLlama;
import org.configspec.llm.remote.EngineStandInServer;
import org.configspec.llm.remote.EngineStandInServer.Wire;
import org.configspec.llm.remote.Endpoint;
import org.configspec.llm.remote.ReferenceEngine;
import org.configspec.llm.remote.RetryPolicy;
import org.configspec.llm.remote.TargetApi;
import org.configspec.serve.ServeFixture;
import org.configspec.serve.verifier.VerifierServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code serve --backend} on vLLM's, SGLang's and OpenAI's (legacy completions, echo) wire formats. Those engines need
 * GPUs and cannot run here, so the engine is the llm test-jar's {@link EngineStandInServer} (their documented formats
 * and quirks, our engine's numbers); the same verify rounds sent to our in-process verifier and to a verifier on the
 * stand-in must give the same answers ({@link SameRounds}): greedy for a mismatch at every position of K = 4 (and
 * none), sampling with the session's top-k inside the listing (exact) over several seeds.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
@NeedsLlama
class EngineBackendStandInTest {
    private static ReferenceEngine engine;
    private static VerifierServer local;

    @BeforeAll
    static void start() {
        engine = new ReferenceEngine(ServeFixture.target());
        local = ServeFixture.verifier();
    }

    @AfterAll
    static void stop() {
        local.close();
        engine.close();
    }

    private static TargetApi api(Wire w) {
        return switch (w) {
            case VLLM -> TargetApi.VLLM;
            case SGLANG -> TargetApi.SGLANG;
            case OPENAI -> TargetApi.OPENAI;
        };
    }

    private static VerifierServer onStandIn(EngineStandInServer s, Wire w) {
        Endpoint e = new Endpoint(s.url(), api(w), null, null, Duration.ofSeconds(60), RetryPolicy.none());
        return VerifierServer.start(ServeFixture.verifierConfig(), ServeFixture.target(),
                EngineBackend.open(e, ServeFixture.target(), 0, 8, 16));
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void greedyRoundsGiveTheLocalVerifiersAcceptedPrefixAndToken(Wire wire) throws Exception {
        try (EngineStandInServer s = EngineStandInServer.start(wire, engine); VerifierServer remote = onStandIn(s, wire)) {
            assertThat(SameRounds.greedy(local, remote, ServeFixture.PROMPT)).containsExactly(0, 1, 2, 3, 4);
            // one request per round on these APIs
            assertThat(remote.metrics().scrape()).contains("configspec_backend_requests_total 5.0");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Wire.class, names = {"VLLM", "SGLANG"})
    void samplingWithTheTopKInsideTheListingMatchesTheLocalVerifier(Wire wire) throws Exception {
        try (EngineStandInServer s = EngineStandInServer.start(wire, engine); VerifierServer remote = onStandIn(s, wire)) {
            int[] outcomes = SameRounds.sampling(local, remote, ServeFixture.PROMPT, 8);
            System.out.printf("%s sampling, accepted-length counts over 8 seeds: %s%n", wire, Arrays.toString(outcomes));
            // top-k 10 <= N: every row holds the whole sampled support, nothing approximated
            assertThat(remote.metrics().scrape()).contains("configspec_backend_truncated_rows_total 0.0");
        }
    }
}

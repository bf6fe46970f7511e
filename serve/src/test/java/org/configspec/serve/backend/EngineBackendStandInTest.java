package org.configspec.serve.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.configspec.llm.NeedsLlama;
import org.configspec.llm.remote.EngineStandInServer;
import org.configspec.llm.remote.EngineStandInServer.Wire;
import org.configspec.llm.remote.Endpoint;
import org.configspec.llm.remote.ReferenceEngine;
import org.configspec.llm.remote.RetryPolicy;
import org.configspec.llm.remote.TargetApi;
import org.configspec.serve.ServeFixture;
import org.configspec.serve.client.HttpVerifierTransport;
import org.configspec.serve.protocol.SessionRequest;
import org.configspec.serve.protocol.SparseDistribution;
import org.configspec.serve.protocol.VerifyRequest;
import org.configspec.serve.protocol.VerifyResponse;
import org.configspec.serve.verifier.VerifierServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code serve --backend} on vLLM's, SGLang's and OpenAI's (legacy completions, echo) wire formats. Those engines need GPUs and cannot run here, so the
 * engine is the llm test-jar's {@link EngineStandInServer} (their documented formats and quirks, our engine's
 * numbers); the same verify rounds sent to our in-process verifier and to a verifier on the stand-in must give the
 * same accepted prefix, token and position: greedy for a mismatch at every position of K = 4 (and none), sampling
 * with the session's top-k inside the listing (exact; temperature 2 so that rejections and residual draws happen)
 * over several seeds.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
@NeedsLlama
class EngineBackendStandInTest {
    private static final int K = 4;
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
        Endpoint e = new Endpoint(URI.create(s.url().toString()), api(w), null, null, Duration.ofSeconds(60),
                RetryPolicy.none());
        return VerifierServer.start(ServeFixture.verifierConfig(), ServeFixture.target(),
                EngineBackend.open(e, ServeFixture.target(), 0, 8, 16));
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void greedyRoundsGiveTheLocalVerifiersAcceptedPrefixAndToken(Wire wire) throws Exception {
        int[] prompt = ServeFixture.tokens(ServeFixture.PROMPT);
        int[] greedy = ServeFixture.greedy(prompt, K);
        try (EngineStandInServer s = EngineStandInServer.start(wire, engine);
             VerifierServer remote = onStandIn(s, wire);
             HttpVerifierTransport a = ServeFixture.transportTo(local.url());
             HttpVerifierTransport b = ServeFixture.transportTo(remote.url())) {
            String sa = a.createSession(SessionRequest.greedy(prompt)).session();
            String sb = b.createSession(SessionRequest.greedy(prompt)).session();
            List<Integer> accepted = new ArrayList<>();
            for (int wrong = 0; wrong <= K; wrong++) {
                int[] draft = greedy.clone();
                if (wrong < K) {
                    draft[wrong] = draft[wrong] == 263 ? 264 : 263;
                }
                // the same position every time: both servers roll the session back (verify is idempotent)
                VerifyRequest r = new VerifyRequest(prompt.length, draft, null);
                VerifyResponse x = a.verify(sa, r);
                VerifyResponse y = b.verify(sb, r);
                assertThat(List.of(y.accepted(), y.token(), y.position())).as("mismatch at %d", wrong)
                        .isEqualTo(List.of(x.accepted(), x.token(), x.position()));
                accepted.add(y.accepted());
            }
            assertThat(accepted).containsExactly(0, 1, 2, 3, 4);
            assertThat(remote.metrics().scrape()).contains("configspec_backend_requests_total 5.0");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Wire.class, names = {"VLLM", "SGLANG"})
    void samplingWithTheTopKInsideTheListingMatchesTheLocalVerifier(Wire wire) throws Exception {
        int[] prompt = ServeFixture.tokens(ServeFixture.PROMPT);
        int[] greedy = ServeFixture.greedy(prompt, K);
        // the draft proposes the target's greedy tokens, except an unlikely one at position 2 (rejected mostly: the
        // residual draw from max(0, p - q) must match too)
        int[] draft = greedy.clone();
        draft[1] = greedy[1] == 263 ? 264 : 263;
        List<SparseDistribution> q = new ArrayList<>();
        for (int i = 0; i < K; i++) {
            int other = greedy[i] == 263 ? 264 : 263;
            q.add(i == 1 ? new SparseDistribution(new int[] {draft[i], greedy[i]}, new float[] {0.6f, 0.4f})
                    : new SparseDistribution(new int[] {greedy[i], other}, new float[] {0.6f, 0.4f}));
        }
        try (EngineStandInServer s = EngineStandInServer.start(wire, engine);
             VerifierServer remote = onStandIn(s, wire);
             HttpVerifierTransport a = ServeFixture.transportTo(local.url());
             HttpVerifierTransport b = ServeFixture.transportTo(remote.url())) {
            int[] outcomes = new int[K + 1];
            for (long seed = 1; seed <= 8; seed++) {
                SessionRequest session = SessionRequest.sampling(prompt, 2.0, 10, 1.0, seed);
                String sa = a.createSession(session).session();
                String sb = b.createSession(session).session();
                VerifyRequest r = new VerifyRequest(prompt.length, draft, q);
                VerifyResponse x = a.verify(sa, r);
                VerifyResponse y = b.verify(sb, r);
                assertThat(List.of(y.accepted(), y.token())).as("seed %d", seed)
                        .isEqualTo(List.of(x.accepted(), x.token()));
                outcomes[y.accepted()]++;
                a.deleteSession(sa);
                b.deleteSession(sb);
            }
            System.out.printf("%s sampling, accepted-length counts over 8 seeds: %s%n", wire,
                    Arrays.toString(outcomes));
            // top-k 10 <= N: every row holds the whole sampled support, nothing approximated
            assertThat(remote.metrics().scrape()).contains("configspec_backend_truncated_rows_total 0.0");
        }
    }
}

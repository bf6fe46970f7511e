package org.configspec.serve.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.configspec.llm.NeedsLlama;
import org.configspec.serve.ServeFixture;
import org.configspec.serve.client.BackoffK;
import org.configspec.serve.client.EdgeClient;
import org.configspec.serve.client.FixedK;
import org.configspec.serve.client.OptimalK;
import org.configspec.serve.client.TrackingK;
import org.configspec.serve.client.VerifierTransport;
import org.configspec.serve.link.DirectionSpec;
import org.configspec.serve.link.HostPort;
import org.configspec.serve.link.Link;
import org.configspec.serve.link.LinkEmulator;
import org.configspec.serve.link.LinkSpec;
import org.configspec.serve.protocol.SessionRequest;
import org.configspec.serve.protocol.VerifyRequest;
import org.configspec.serve.protocol.VerifyResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Greedy distributed speculative decoding commits exactly the target's own greedy output, whatever K, RTT or load. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
@NeedsLlama
class LosslessGreedyTest {
    private static final int N = 32;
    private static VerifierServer server;

    @BeforeAll
    static void start() {
        server = ServeFixture.batchingVerifier();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void outputEqualsTargetGreedyForKOneToEightAtRttZero() throws Exception {
        int[] prompt = ServeFixture.tokens(ServeFixture.PROMPT);
        int[] expected = ServeFixture.greedy(prompt, N);
        for (int k = 1; k <= 8; k++) {
            EdgeClient.Result r = ServeFixture.run(server.url(), ServeFixture.L5, prompt, N, new FixedK(k));
            assertThat(r.tokens()).as("K = %d", k).containsExactly(expected);
            assertThat(r.summary().rounds()).as("K = %d rounds", k).isLessThanOrEqualTo(N);
            System.out.printf("RTT 0, L5 draft, K=%d: %s%n", k, r.summary().describe());
        }
        EdgeClient.Result q8 = ServeFixture.run(server.url(), ServeFixture.Q8, prompt, N, new FixedK(4));
        assertThat(q8.tokens()).containsExactly(expected);
        System.out.printf("RTT 0, Q8 draft, K=4: %s%n", q8.summary().describe());
    }

    @Test
    void adaptivePoliciesAreLosslessToo() throws Exception {
        int[] prompt = ServeFixture.tokens("The little dog");
        int[] expected = ServeFixture.greedy(prompt, N);
        assertThat(ServeFixture.run(server.url(), ServeFixture.L5, prompt, N, new BackoffK(4, 1, 8)).tokens())
                .containsExactly(expected);
        assertThat(ServeFixture.run(server.url(), ServeFixture.L5, prompt, N, new OptimalK(4, 8)).tokens())
                .containsExactly(expected);
        TrackingK tracking = new TrackingK(8, TrackingK.DEFAULT_WEIGHT, 3);
        EdgeClient.Result r = ServeFixture.run(server.url(), ServeFixture.L5, prompt, N, tracking);
        assertThat(r.tokens()).containsExactly(expected);
        // its first round tried every position up to K = 8, then it planned with the real round trip
        assertThat(r.summary().roundRecords().get(0).k()).isEqualTo(8);
        assertThat(tracking.roundTripSeconds()).isPositive();
        // every round records the verifier's own time, part of the round trip the client measured
        assertThat(r.summary().roundRecords()).allSatisfy(round -> assertThat(round.verifierSeconds())
                .isGreaterThan(0).isLessThanOrEqualTo(round.roundTripSeconds() + 1e-3));
    }

    @Test
    void outputEqualsTargetGreedyThroughA25MsOneWayLink() throws Exception {
        int[] prompt = ServeFixture.tokens(ServeFixture.PROMPT);
        int[] expected = ServeFixture.greedy(prompt, N);
        DirectionSpec delay = DirectionSpec.IDEAL.withDelay(Duration.ofMillis(25));
        try (Link link = LinkEmulator.start(LinkSpec.symmetric(new HostPort("127.0.0.1", 0),
                new HostPort("127.0.0.1", server.port()), delay, 1))) {
            String url = "http://127.0.0.1:" + link.localPort();
            for (int k : new int[] {1, 4, 8}) {
                EdgeClient.Result r = ServeFixture.run(url, ServeFixture.L5, prompt, N, new FixedK(k));
                assertThat(r.tokens()).as("K = %d", k).containsExactly(expected);
                // every round crosses the link twice: at least 50 ms each
                assertThat(r.summary().meanRoundTripMs()).isGreaterThanOrEqualTo(50);
                System.out.printf("RTT 50 ms, L5 draft, K=%d: %s%n", k, r.summary().describe());
            }
            EdgeClient.Result q8 = ServeFixture.run(url, ServeFixture.Q8, prompt, N, new FixedK(4));
            assertThat(q8.tokens()).containsExactly(expected);
            System.out.printf("RTT 50 ms, Q8 draft, K=4: %s%n", q8.summary().describe());
        }
    }

    /** Four edge clients at once on the shared server: each commits exactly the target's greedy output. */
    @Test
    void fourConcurrentClientsAreLossless() throws Exception {
        String[] prompts = {"Once upon a time", "The little dog", "One day, a girl", "Tom and Sue"};
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<EdgeClient.Result>> runs = new ArrayList<>();
            for (String p : prompts) {
                int[] prompt = ServeFixture.tokens(p);
                runs.add(pool.submit(() -> ServeFixture.run(server.url(), ServeFixture.L5, prompt, N, new FixedK(4))));
            }
            int maxBatchSeen = 0;
            for (int i = 0; i < prompts.length; i++) {
                int[] prompt = ServeFixture.tokens(prompts[i]);
                EdgeClient.Result r = runs.get(i).get(120, TimeUnit.SECONDS);
                assertThat(r.tokens()).as(prompts[i]).containsExactly(ServeFixture.greedy(prompt, N));
                for (var rec : r.summary().roundRecords()) {
                    maxBatchSeen = Math.max(maxBatchSeen, rec.batchSize());
                }
            }
            System.out.printf("4 clients: mean batch %.2f, max %d, multi-session batches %.0f, mean verify latency"
                            + " %.1f ms%n", server.metrics().meanBatchSize(), maxBatchSeen,
                    server.metrics().multiSessionBatches(), server.metrics().meanLatencyMs());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Verify calls of four open sessions share one llama decode, and each answer in that batch is the one the session
     * gets alone: two drafts are the target's next four greedy tokens (all accepted, then the bonus token), two go
     * wrong at the third token (two accepted, then the correction). Deterministic: the server waits up to 10 s (the
     * longest --max-wait-ms) for a verify from every open session (far longer than four threads released together by a
     * barrier need), so the four always meet in one batch.
     */
    @Test
    void verifiesOfFourOpenSessionsShareOneBatchAndEachAnswerIsExact() throws Exception {
        String[] prompts = {"Once upon a time", "The little dog", "One day, a girl", "Tom and Sue"};
        VerifierConfig config = ServeFixture.verifierConfig().withBatching(8, Duration.ofSeconds(10));
        ExecutorService pool = Executors.newFixedThreadPool(prompts.length);
        try (VerifierServer batching = VerifierServer.start(config, ServeFixture.target())) {
            CyclicBarrier together = new CyclicBarrier(prompts.length);
            List<Future<VerifyResponse>> answers = new ArrayList<>();
            List<int[]> greedy = new ArrayList<>();
            for (int i = 0; i < prompts.length; i++) {
                int[] prompt = ServeFixture.tokens(prompts[i]);
                int[] next = ServeFixture.greedy(prompt, 5);
                greedy.add(next);
                int[] draft = {next[0], next[1], next[2], next[3]};
                if (i % 2 == 1) {
                    draft[2] = next[2] == 13 ? 14 : 13; // any token but the greedy one
                }
                answers.add(pool.submit(() -> {
                    try (VerifierTransport t = ServeFixture.transport(batching.url())) {
                        String session = t.createSession(SessionRequest.greedy(prompt)).session();
                        together.await(60, TimeUnit.SECONDS);
                        return t.verify(session, new VerifyRequest(prompt.length, draft, null));
                    }
                }));
            }
            for (int i = 0; i < prompts.length; i++) {
                VerifyResponse r = answers.get(i).get(60, TimeUnit.SECONDS);
                int accepted = i % 2 == 1 ? 2 : 4;
                assertThat(r.timings().batchSize()).as("%s: sessions in its batch", prompts[i]).isEqualTo(4);
                assertThat(r.accepted()).as("%s: accepted", prompts[i]).isEqualTo(accepted);
                assertThat(r.token()).as("%s: bonus or correction token", prompts[i]).isEqualTo(greedy.get(i)[accepted]);
            }
            assertThat(batching.metrics().multiSessionBatches()).isEqualTo(1);
            String scrape = org.configspec.serve.HttpGet.text(batching.url() + "/metrics");
            assertThat(scrape).contains("configspec_multi_session_batches_total").contains("configspec_batch_size");
        } finally {
            pool.shutdownNow();
        }
    }
}

package org.configspec.serve.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.configspec.llm.NeedsLlama;
import org.configspec.serve.ServeFixture;
import org.configspec.serve.client.HttpVerifierTransport;
import org.configspec.serve.protocol.SessionRequest;
import org.configspec.serve.protocol.SessionResponse;
import org.configspec.serve.protocol.VerifyRequest;
import org.configspec.serve.protocol.VerifyResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The server's /metrics counters agree with what concurrent clients saw (the property scripts/bench-load checks at
 * every level, here at a small load): four clients, each with its own session, send a fixed number of verifies
 * whose drafts go wrong at a different position per client, so batches mix sessions with different acceptance; then
 * the verify-round, drafted-token, accepted-token and per-position counters equal the clients' sums.
 */
@NeedsLlama
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class MetricsMatchClientsTest {
    private static final int CLIENTS = 4;
    private static final int ROUNDS = 6;
    private static final int K = 3;

    private record Seen(long rounds, long drafted, long accepted, long[] acceptedAt) {
    }

    @Test
    void verifyCountersEqualWhatConcurrentClientsSaw() throws Exception {
        int[] prompt = ServeFixture.tokens(ServeFixture.PROMPT);
        int[] greedy = ServeFixture.greedy(prompt, ROUNDS * (K + 1) + K);
        try (VerifierServer server = VerifierServer.start(ServeFixture.verifierConfig(), ServeFixture.target())) {
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            CyclicBarrier start = new CyclicBarrier(CLIENTS);
            List<Future<Seen>> futures = new ArrayList<>();
            try {
                for (int c = 0; c < CLIENTS; c++) {
                    int wrongAt = c; // 0..K-1 rejects there, K accepts every drafted token
                    futures.add(pool.submit(() -> client(server.url(), prompt, greedy, wrongAt, start)));
                }
                long rounds = 0;
                long drafted = 0;
                long accepted = 0;
                long[] acceptedAt = new long[K];
                for (Future<Seen> f : futures) {
                    Seen s = f.get(150, TimeUnit.SECONDS);
                    rounds += s.rounds();
                    drafted += s.drafted();
                    accepted += s.accepted();
                    for (int i = 0; i < K; i++) {
                        acceptedAt[i] += s.acceptedAt()[i];
                    }
                }
                assertThat(rounds).isEqualTo(CLIENTS * ROUNDS);
                assertThat(accepted).as("drafts rejected at different positions").isBetween(1L, drafted - 1);
                String m = server.metrics().scrape();
                assertThat(m).contains("configspec_verify_rounds_total " + rounds + ".0")
                        .contains("configspec_drafted_tokens_total " + drafted + ".0")
                        .contains("configspec_accepted_tokens_total " + accepted + ".0");
                for (int i = 0; i < K; i++) {
                    assertThat(m).contains("configspec_position_drafted_total{position=\"" + (i + 1) + "\"} " + rounds + ".0")
                            .contains("configspec_position_accepted_total{position=\"" + (i + 1) + "\"} " + acceptedAt[i] + ".0");
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /** ROUNDS verifies of K tokens of the greedy continuation, the one at {@code wrongAt} (if < K) replaced. */
    private static Seen client(String url, int[] prompt, int[] greedy, int wrongAt, CyclicBarrier start) throws Exception {
        try (HttpVerifierTransport http = new HttpVerifierTransport(url, null, Duration.ofSeconds(60))) {
            SessionResponse s = http.createSession(SessionRequest.greedy(prompt));
            start.await(60, TimeUnit.SECONDS);
            int position = s.position();
            int done = 0;
            long accepted = 0;
            long[] acceptedAt = new long[K];
            for (int r = 0; r < ROUNDS; r++) {
                int[] draft = Arrays.copyOfRange(greedy, done, done + K);
                if (wrongAt < K) {
                    draft[wrongAt] = (draft[wrongAt] + 1) % s.vocabSize();
                }
                VerifyResponse v = http.verify(s.session(), new VerifyRequest(position, draft, null));
                accepted += v.accepted();
                for (int i = 0; i < v.accepted(); i++) {
                    acceptedAt[i]++;
                }
                done += v.position() - position;
                position = v.position();
            }
            http.deleteSession(s.session());
            return new Seen(ROUNDS, (long) ROUNDS * K, accepted, acceptedAt);
        }
    }
}

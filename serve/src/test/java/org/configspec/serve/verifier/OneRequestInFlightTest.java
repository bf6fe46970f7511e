package org.configspec.serve.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.configspec.llm.NeedsLlama;
import org.configspec.serve.ServeFixture;
import org.configspec.serve.client.HttpVerifierTransport;
import org.configspec.serve.client.VerifierException;
import org.configspec.serve.http.ServerLimits;
import org.configspec.serve.protocol.SessionRequest;
import org.configspec.serve.protocol.SessionResponse;
import org.configspec.serve.protocol.VerifyRequest;
import org.configspec.serve.protocol.VerifyResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The admission limits count what clients hold, not what the server has yet to tidy up: N clients that each keep at
 * most one request in flight (create a session, verify, delete it, start over, each on one keep-alive connection)
 * are never refused by a verifier whose every limit is N (--max-sessions, --max-queue, --max-requests).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@NeedsLlama
class OneRequestInFlightTest {
    private static final int CLIENTS = 4;
    private static final int SESSIONS_PER_CLIENT = 12;
    private static final int VERIFIES_PER_SESSION = 3;
    private static final int K = 2;

    @Test
    void clientsWithOneRequestInFlightEachAreNeverRefusedAtLimitsEqualToTheirNumber() throws Exception {
        VerifierConfig config = ServeFixture.verifierConfig()
                .withSessions(CLIENTS, java.time.Duration.ofSeconds(60))
                .withLimits(ServerLimits.defaults().withRequests(CLIENTS, CLIENTS));
        int[] prompt = ServeFixture.tokens(ServeFixture.PROMPT);
        int[] reference = ServeFixture.greedy(prompt, VERIFIES_PER_SESSION * (K + 1));
        List<String> refusals = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try (VerifierServer server = VerifierServer.start(config, ServeFixture.target())) {
            List<Future<Integer>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                clients.add(pool.submit(() -> client(server.url(), prompt, reference, refusals)));
            }
            int answered = 0;
            for (Future<Integer> f : clients) {
                answered += f.get(100, TimeUnit.SECONDS);
            }
            assertThat(refusals).as("429s (each names the limit that refused it)").isEmpty();
            assertThat(answered).isEqualTo(CLIENTS * SESSIONS_PER_CLIENT * (VERIFIES_PER_SESSION + 2));
            assertThat(server.metrics().rejectedCount(429)).isZero();
        } finally {
            pool.shutdownNow();
        }
    }

    /** One client's sessions, one request at a time; returns the requests answered, records each refusal. */
    private static int client(String url, int[] prompt, int[] reference, List<String> refusals) throws Exception {
        int answered = 0;
        try (HttpVerifierTransport http = ServeFixture.transportTo(url)) {
            for (int i = 0; i < SESSIONS_PER_CLIENT; i++) {
                SessionResponse s = call(refusals, () -> http.createSession(
                        new SessionRequest(prompt, null, null, null, null, null)));
                answered++;
                int position = s.position();
                for (int v = 0; v < VERIFIES_PER_SESSION; v++) {
                    int done = position - prompt.length;
                    VerifyRequest r = new VerifyRequest(position, Arrays.copyOfRange(reference, done, done + K), null);
                    VerifyResponse a = call(refusals, () -> http.verify(s.session(), r));
                    assertThat(a.accepted()).isEqualTo(K);
                    assertThat(a.token()).isEqualTo(reference[done + K]);
                    position = a.position();
                    answered++;
                }
                call(refusals, () -> {
                    http.deleteSession(s.session());
                    return null;
                });
                answered++;
            }
        }
        return answered;
    }

    private interface Call<T> {
        T run() throws VerifierException;
    }

    /** Runs the call; a 429 is recorded with its message and the call repeated (as a client obeying Retry-After). */
    private static <T> T call(List<String> refusals, Call<T> call) throws VerifierException, InterruptedException {
        while (true) {
            try {
                return call.run();
            } catch (VerifierException e) {
                if (e.status() != 429) {
                    throw e;
                }
                refusals.add(e.getMessage());
                Thread.sleep(5);
            }
        }
    }
}

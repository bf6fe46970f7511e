package org.configspec.serve.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.configspec.serve.ServeFixture;
import org.configspec.serve.client.EdgeClient;
import org.configspec.serve.client.FixedK;
import org.configspec.serve.client.VerifierException;
import org.configspec.serve.client.VerifierTransport;
import org.configspec.serve.protocol.SessionRequest;
import org.configspec.serve.protocol.VerifyRequest;
import org.configspec.serve.protocol.VerifyResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The end of a session's context (default 256 tokens): a session holds at most that many committed tokens, a verify
 * that would commit past it is refused with 409 "context full" before anything is decoded, and a session batched with
 * it gets exactly the answer it gets alone.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ContextEndTest {
    private static final int CONTEXT = 256;

    /** A prompt of {@code length} valid token ids (BOS, then the default prompt's words over and over). */
    private static int[] prompt(int length) {
        int[] words = ServeFixture.tokens(ServeFixture.PROMPT);
        int[] p = new int[length];
        p[0] = words[0];
        for (int i = 1; i < length; i++) {
            p[i] = words[1 + (i - 1) % (words.length - 1)];
        }
        return p;
    }

    private static int status(Throwable e) {
        return ((VerifierException) e).status();
    }

    @Test
    void theLastTokenOfTheContextIsCommittedAndTheNextVerifyIsContextFull() throws Exception {
        int[] prompt = prompt(CONTEXT - 1);
        try (VerifierServer server = VerifierServer.start(ServeFixture.verifierConfig(), ServeFixture.target());
             VerifierTransport t = ServeFixture.transport(server.url())) {
            String id = t.createSession(SessionRequest.greedy(prompt)).session();
            VerifyResponse last = t.verify(id, new VerifyRequest(CONTEXT - 1, new int[0], null));
            assertThat(last.position()).isEqualTo(CONTEXT);
            assertThatThrownBy(() -> t.verify(id, new VerifyRequest(CONTEXT, new int[0], null)))
                    .isInstanceOf(VerifierException.class)
                    .satisfies(e -> assertThat(status(e)).isEqualTo(409))
                    .hasMessageContaining("context full");
            // one drafted token at the last position would commit 257 tokens: refused too
            assertThatThrownBy(() -> t.verify(id, new VerifyRequest(CONTEXT - 1, new int[] {last.token()}, null)))
                    .satisfies(e -> assertThat(status(e)).isEqualTo(409));
            // the session is intact: verifying the last position again gives the same token
            assertThat(t.verify(id, new VerifyRequest(CONTEXT - 1, new int[0], null)).token()).isEqualTo(last.token());
        }
    }

    @Test
    void aContextFullVerifyBatchedWithAnotherSessionLeavesThatSessionsAnswerAndStateCorrect() throws Exception {
        int[] full = prompt(CONTEXT - 1);
        int[] other = ServeFixture.tokens(ServeFixture.PROMPT);
        int[] expected = ServeFixture.greedy(other, 6);
        // a long batching window: both verifies below land in one batch
        VerifierConfig config = ServeFixture.verifierConfig().withBatching(8, Duration.ofSeconds(5));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (VerifierServer server = VerifierServer.start(config, ServeFixture.target());
             VerifierTransport t = ServeFixture.transport(server.url())) {
            String a = t.createSession(SessionRequest.greedy(full)).session();
            String b = t.createSession(SessionRequest.greedy(other)).session();
            assertThat(t.verify(a, new VerifyRequest(CONTEXT - 1, new int[0], null)).position()).isEqualTo(CONTEXT);
            int[] draft = Arrays.copyOf(expected, 3);
            Future<VerifyResponse> atEnd = pool.submit(() -> t.verify(a, new VerifyRequest(CONTEXT, new int[0], null)));
            Future<VerifyResponse> beside = pool.submit(() -> t.verify(b, new VerifyRequest(other.length, draft, null)));
            VerifyResponse r = beside.get(60, TimeUnit.SECONDS);
            assertThat(r.accepted()).isEqualTo(3);
            assertThat(r.token()).isEqualTo(expected[3]);
            assertThat(r.position()).isEqualTo(other.length + 4);
            CompletableFuture<Throwable> refused = new CompletableFuture<>();
            try {
                atEnd.get(60, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                refused.complete(e.getCause());
            }
            assertThat(refused.getNow(null)).isInstanceOf(VerifierException.class)
                    .satisfies(e -> assertThat(status(e)).isEqualTo(409));
            // the other session goes on from where it was: its KV cache was truncated to its committed tokens
            VerifyResponse next = t.verify(b, new VerifyRequest(other.length + 4, new int[] {expected[4]}, null));
            assertThat(next.accepted()).isEqualTo(1);
            assertThat(next.token()).isEqualTo(expected[5]);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRunAskedForMoreTokensThanTheContextHoldsStopsAtTheContextEndWithoutFallingBack() throws Exception {
        int[] prompt = ServeFixture.tokens(ServeFixture.PROMPT);
        int[] expected = ServeFixture.greedy(prompt, CONTEXT - prompt.length);
        try (VerifierServer server = VerifierServer.start(ServeFixture.verifierConfig(), ServeFixture.target())) {
            EdgeClient.Result r = ServeFixture.run(server.url(), ServeFixture.Q8, prompt, 400, new FixedK(8));
            assertThat(r.summary().fallbackTokens()).isZero();
            assertThat(r.summary().retries()).isZero();
            assertThat(r.tokens()).containsExactly(expected);
        }
    }
}

package org.configspec.serve.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.llm.NeedsLlama;
import org.configspec.serve.ServeFixture;
import org.configspec.serve.client.VerifierException;
import org.configspec.serve.client.VerifierTransport;
import org.configspec.serve.protocol.SessionRequest;
import org.configspec.serve.protocol.VerifyRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Session limits: --max-sessions answers 429, idle sessions expire, and freed sequence ids are reused. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SessionLimitsTest {

    /**
     * The idle timeout here is far longer than the test, so no session can expire while the 429 is checked: a
     * third session is refused while two are open, and one freed by DELETE is reused and decodes from a clean cache.
     */
    @NeedsLlama
    @Test
    void sessionsBeyondTheLimitAre429AndAFreedSequenceIdIsReusedWithACleanCache() throws Exception {
        onServer(Duration.ofMinutes(10), (server, t, prompt) -> {
            String a = t.createSession(SessionRequest.greedy(prompt)).session();
            t.createSession(SessionRequest.greedy(prompt));
            assertThatThrownBy(() -> t.createSession(SessionRequest.greedy(prompt)))
                    .isInstanceOf(VerifierException.class)
                    .satisfies(e -> assertThat(((VerifierException) e).status()).isEqualTo(429));
            t.deleteSession(a);
            String c = createOnceASequenceIdIsFree(t, prompt);
            int[] expected = ServeFixture.greedy(prompt, 3);
            assertThat(t.verify(c, new VerifyRequest(prompt.length, new int[] {expected[0], expected[1]}, null))
                    .accepted()).isEqualTo(2);
        });
    }

    /**
     * Idle sessions expire (the sweep runs every 100 ms): the session is gone, asking for it is UNKNOWN_SESSION, and
     * both sequence ids serve new sessions again. Nothing here races the timeout: the test only waits for it.
     */
    @NeedsLlama
    @Test
    void idleSessionsExpireAndTheirSequenceIdsAreReused() throws Exception {
        onServer(Duration.ofMillis(300), (server, t, prompt) -> {
            String a = t.createSession(SessionRequest.greedy(prompt)).session();
            String b = t.createSession(SessionRequest.greedy(prompt)).session();
            // bounded wait for the idle sweep; /healthz does not touch sessions
            boolean expired = false;
            for (int i = 0; i < 300 && !expired; i++) {
                Thread.sleep(100);
                expired = org.configspec.serve.HttpGet.text(server.url() + "/healthz").contains("\"sessions\":0");
            }
            assertThat(expired).as("both sessions expired within 30 s of an idle timeout of 300 ms").isTrue();
            for (String gone : new String[] {a, b}) {
                assertThatThrownBy(() -> t.verify(gone, new VerifyRequest(prompt.length, new int[0], null)))
                        .isInstanceOf(VerifierException.class)
                        .satisfies(e -> assertThat(((VerifierException) e).kind())
                                .isEqualTo(VerifierException.Kind.UNKNOWN_SESSION));
            }
            createOnceASequenceIdIsFree(t, prompt);
            createOnceASequenceIdIsFree(t, prompt);
        });
    }

    /** What a test does with a running server of two sessions, a client of it, and the fixture's prompt. */
    private interface OnServer {
        void run(VerifierServer server, VerifierTransport t, int[] prompt) throws Exception;
    }

    /** Runs a test against a verifier of at most two sessions with the given idle timeout. */
    private static void onServer(Duration idleTimeout, OnServer test) throws Exception {
        VerifierConfig config = ServeFixture.verifierConfig().withSessions(2, idleTimeout);
        try (VerifierServer server = VerifierServer.start(config, ServeFixture.target());
             VerifierTransport t = ServeFixture.transport(server.url())) {
            test.run(server, t, ServeFixture.tokens(ServeFixture.PROMPT));
        }
    }

    /**
     * Creates a session, retrying while the server answers 429: a sequence id freed by DELETE or by expiry returns
     * to the pool on the decode thread, just after the session leaves the table. Fails if none frees up in 30 s.
     */
    private static String createOnceASequenceIdIsFree(VerifierTransport t, int[] prompt) throws Exception {
        for (int i = 0; ; i++) {
            try {
                return t.createSession(SessionRequest.greedy(prompt)).session();
            } catch (VerifierException e) {
                if (e.status() != 429 || i >= 300) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    @Test
    void badServerSettingsNameTheFlag() {
        assertThatThrownBy(() -> ServeFixture.verifierConfig().withBatching(0, Duration.ZERO))
                .isInstanceOf(ConfigSpecException.class).hasMessage("--max-batch = 0: allowed 1..64");
        assertThatThrownBy(() -> ServeFixture.verifierConfig().withSessions(65, Duration.ofSeconds(1)))
                .hasMessage("--max-sessions = 65: allowed 1..64");
        assertThatThrownBy(() -> ServeFixture.verifierConfig().withToken(" ")).hasMessageContaining("--token");
    }
}

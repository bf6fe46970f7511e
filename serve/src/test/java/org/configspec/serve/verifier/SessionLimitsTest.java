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

/** Session limits: --max-sessions answers 429, idle sessions expire and their sequence ids are reused. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SessionLimitsTest {

    @NeedsLlama
    @Test
    void sessionsBeyondTheLimitAre429AndIdleOnesExpireAndAreReused() throws Exception {
        VerifierConfig config = ServeFixture.verifierConfig().withSessions(2, Duration.ofMillis(300));
        int[] prompt = ServeFixture.tokens(ServeFixture.PROMPT);
        try (VerifierServer server = VerifierServer.start(config, ServeFixture.target());
             VerifierTransport t = ServeFixture.transport(server.url())) {
            String a = t.createSession(SessionRequest.greedy(prompt)).session();
            t.createSession(SessionRequest.greedy(prompt));
            assertThatThrownBy(() -> t.createSession(SessionRequest.greedy(prompt)))
                    .isInstanceOf(VerifierException.class)
                    .satisfies(e -> assertThat(((VerifierException) e).status()).isEqualTo(429));
            // bounded wait for the idle sweep (runs every 100 ms); /healthz does not touch sessions
            boolean expired = false;
            for (int i = 0; i < 100 && !expired; i++) {
                Thread.sleep(100);
                expired = org.configspec.serve.HttpGet.text(server.url() + "/healthz").contains("\"sessions\":0");
            }
            assertThat(expired).isTrue();
            assertThatThrownBy(() -> t.verify(a, new VerifyRequest(prompt.length, new int[0], null)))
                    .isInstanceOf(VerifierException.class)
                    .satisfies(e -> assertThat(((VerifierException) e).kind())
                            .isEqualTo(VerifierException.Kind.UNKNOWN_SESSION));
            // both sequence ids are free again, and a reused one decodes from a clean cache
            String c = t.createSession(SessionRequest.greedy(prompt)).session();
            t.createSession(SessionRequest.greedy(prompt));
            int[] expected = ServeFixture.greedy(prompt, 3);
            assertThat(t.verify(c, new VerifyRequest(prompt.length, new int[] {expected[0], expected[1]}, null))
                    .accepted()).isEqualTo(2);
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

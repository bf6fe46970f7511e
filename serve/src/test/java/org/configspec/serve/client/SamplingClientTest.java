package org.configspec.serve.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.configspec.llm.NeedsLlama;
import org.configspec.serve.ServeFixture;
import org.configspec.serve.verifier.VerifierServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The client's sampling path end to end (draft top-k distributions on the wire, rejection sampling on the server):
 * n tokens, some rejections, and reproducible for a seed (draft draws and the session's acceptance draws are seeded),
 * even when answers are lost and retried.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@NeedsLlama
class SamplingClientTest {

    private static EdgeClient.Result run(VerifierServer server, VerifierTransport t, long seed)
            throws InterruptedException {
        ClientOptions o = ServeFixture.clientOptions().withSampling(0.8, 40, seed);
        return new EdgeClient(ServeFixture.model(ServeFixture.L5), t, o, null)
                .run(ServeFixture.tokens(ServeFixture.PROMPT), 32, new FixedK(4), null);
    }

    @Test
    void sampledRunsAreCompleteAndReproducibleForASeed() throws Exception {
        try (VerifierServer server = ServeFixture.verifier();
             VerifierTransport t = ServeFixture.transport(server.url())) {
            EdgeClient.Result a = run(server, t, 7);
            EdgeClient.Result b = run(server, t, 7);
            assertThat(a.tokens()).hasSize(32);
            assertThat(b.tokens()).containsExactly(a.tokens());
            assertThat(a.summary().acceptanceRate()).isBetween(0.0, 1.0);
            assertThat(server.metrics().acceptedTokens()).isLessThan(server.metrics().draftedTokens());
            // a lossy transport (every other answer lost) commits the same tokens: retries draw the same numbers
            java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
            VerifierTransport lossy = new VerifierTransport() {
                @Override
                public org.configspec.serve.protocol.SessionResponse createSession(
                        org.configspec.serve.protocol.SessionRequest r) throws VerifierException {
                    return t.createSession(r);
                }

                @Override
                public org.configspec.serve.protocol.VerifyResponse verify(String s,
                        org.configspec.serve.protocol.VerifyRequest r) throws VerifierException {
                    var v = t.verify(s, r);
                    if (calls.incrementAndGet() % 2 == 0) {
                        throw new VerifierException(VerifierException.Kind.UNREACHABLE, 0, "lost (injected)", null);
                    }
                    return v;
                }

                @Override
                public void deleteSession(String s) throws VerifierException {
                    t.deleteSession(s);
                }

                @Override
                public long bytesSent() {
                    return t.bytesSent();
                }

                @Override
                public long bytesReceived() {
                    return t.bytesReceived();
                }

                @Override
                public void close() {
                }
            };
            EdgeClient.Result c = run(server, lossy, 7);
            assertThat(c.tokens()).containsExactly(a.tokens());
            assertThat(c.summary().retries()).isPositive();
            System.out.println("sampling T=0.8 K=4: " + a.summary().describe());
        }
    }
}

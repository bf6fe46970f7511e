package org.configspec.serve.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.configspec.llm.NeedsLlama;
import org.configspec.serve.ServeFixture;
import org.configspec.serve.client.HttpVerifierTransport;
import org.configspec.serve.client.VerifierException;
import org.configspec.serve.protocol.SessionRequest;
import org.configspec.serve.protocol.SessionResponse;
import org.configspec.serve.protocol.VerifyRequest;
import org.configspec.serve.protocol.VerifyResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Stopping a verifier while verifies are queued and being decoded (their answers written by Jetty's pool once the
 * decode thread completes them): every client gets an answer or an error (none waits for ever), nothing but {@link
 * VerifierException} reaches a client, and the stop returns.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@NeedsLlama
class StopUnderLoadTest {

    @Test
    void stoppingWithVerifiesInFlightAnswersEveryClientAndReturns() throws Exception {
        VerifierServer server = VerifierServer.start(ServeFixture.verifierConfig(), ServeFixture.target());
        int[] prompt = ServeFixture.tokens(ServeFixture.PROMPT);
        int[] draft = ServeFixture.greedy(prompt, 4);
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicReference<Throwable> unexpected = new AtomicReference<>();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < 6; c++) {
            Thread t = new Thread(() -> {
                try (HttpVerifierTransport http = new HttpVerifierTransport(server.url(), null, Duration.ofSeconds(30))) {
                    SessionResponse s = http.createSession(SessionRequest.greedy(prompt));
                    while (true) {
                        VerifyResponse v = http.verify(s.session(), new VerifyRequest(s.position(), draft, null));
                        assertThat(v.position()).isGreaterThan(s.position());
                        answered.incrementAndGet();
                    }
                } catch (VerifierException e) {
                    refused.incrementAndGet(); // the server stopped under it: expected
                } catch (Throwable e) {
                    unexpected.compareAndSet(null, e);
                }
            }, "stop-under-load-" + c);
            t.start();
            clients.add(t);
        }
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (answered.get() < 30 && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        assertThat(answered.get()).as("verifies answered before the stop").isGreaterThanOrEqualTo(30);
        server.close();
        for (Thread t : clients) {
            t.join(TimeUnit.SECONDS.toMillis(40));
            assertThat(t.isAlive()).as(t.getName() + " still waiting after the stop").isFalse();
        }
        assertThat(unexpected.get()).isNull();
        assertThat(refused.get()).as("clients that saw the stop").isEqualTo(clients.size());
    }
}

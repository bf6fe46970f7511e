package org.configspec.serve.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.configspec.llm.NeedsLlama;
import org.configspec.serve.ServeFixture;
import org.configspec.serve.link.DirectionSpec;
import org.configspec.serve.link.HostPort;
import org.configspec.serve.link.Link;
import org.configspec.serve.link.LinkEmulator;
import org.configspec.serve.link.LinkSpec;
import org.configspec.serve.protocol.VerifyRequest;
import org.configspec.serve.protocol.VerifyResponse;
import org.configspec.serve.verifier.VerifierServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Restarts, dropped connections and lost answers never lose or duplicate a committed token. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
@NeedsLlama
class FaultToleranceTest {
    private static final int N = 48;

    /** Blocks the client at its 12th committed token until {@code fault} has run on the test thread. */
    private static final class PauseAt implements CommitListener {
        final CountDownLatch reached = new CountDownLatch(1);
        final CountDownLatch resume = new CountDownLatch(1);
        final List<Integer> streamed = new ArrayList<>();

        @Override
        public void committed(int token) {
            streamed.add(token);
            if (streamed.size() == 12) {
                reached.countDown();
                try {
                    resume.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    @Test
    void verifierRestartedMidGenerationGivesTheFullGreedyOutputOnce() throws Exception {
        int[] prompt = ServeFixture.tokens(ServeFixture.PROMPT);
        int[] expected = ServeFixture.greedy(prompt, N);
        VerifierServer first = ServeFixture.verifier();
        int port = first.port();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        VerifierServer second = null;
        try (VerifierTransport t = ServeFixture.transport(first.url())) {
            PauseAt pause = new PauseAt();
            EdgeClient client = new EdgeClient(ServeFixture.model(ServeFixture.L5), t, ServeFixture.clientOptions(),
                    null);
            Future<EdgeClient.Result> run = pool.submit(() -> client.run(prompt, N, new FixedK(3), pause));
            assertThat(pause.reached.await(60, TimeUnit.SECONDS)).isTrue();
            first.close();
            pause.resume.countDown();
            Thread.sleep(300); // the client finds nobody listening and backs off
            second = VerifierServer.start(ServeFixture.verifierConfig().withPort(port), ServeFixture.target());
            EdgeClient.Result r = run.get(120, TimeUnit.SECONDS);
            assertThat(r.tokens()).containsExactly(expected);
            assertThat(pause.streamed).containsExactly(box(expected));
            assertThat(r.summary().recreations()).isGreaterThanOrEqualTo(1);
            assertThat(r.summary().retries()).isGreaterThanOrEqualTo(1);
            assertThat(r.summary().fallbackTokens()).isZero();
            System.out.println("restart: " + r.summary().describe());
        } finally {
            pool.shutdownNow();
            first.close();
            if (second != null) {
                second.close();
            }
        }
    }

    @Test
    void droppedConnectionThroughTheLinkGivesTheFullGreedyOutputOnce() throws Exception {
        int[] prompt = ServeFixture.tokens("The little dog");
        int[] expected = ServeFixture.greedy(prompt, N);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        DirectionSpec delay = DirectionSpec.IDEAL.withDelay(Duration.ofMillis(5));
        try (VerifierServer server = ServeFixture.verifier()) {
            HostPort upstream = new HostPort("127.0.0.1", server.port());
            Link link = LinkEmulator.start(LinkSpec.symmetric(new HostPort("127.0.0.1", 0), upstream, delay, 1));
            int port = link.localPort();
            Link again = null;
            try (VerifierTransport t = ServeFixture.transport("http://127.0.0.1:" + port)) {
                PauseAt pause = new PauseAt();
                EdgeClient client = new EdgeClient(ServeFixture.model(ServeFixture.L5), t,
                        ServeFixture.clientOptions(), null);
                Future<EdgeClient.Result> run = pool.submit(() -> client.run(prompt, N, new FixedK(4), pause));
                assertThat(pause.reached.await(60, TimeUnit.SECONDS)).isTrue();
                link.close();
                pause.resume.countDown();
                Thread.sleep(300); // the client sees refused connections and backs off
                again = LinkEmulator.start(LinkSpec.symmetric(new HostPort("127.0.0.1", port), upstream, delay, 2));
                EdgeClient.Result r = run.get(120, TimeUnit.SECONDS);
                assertThat(r.tokens()).containsExactly(expected);
                assertThat(pause.streamed).containsExactly(box(expected));
                assertThat(r.summary().fallbackTokens()).isZero();
                System.out.println("dropped link: " + r.summary().describe());
            } finally {
                link.close();
                if (again != null) {
                    again.close();
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Every third verify reaches the server but its answer is lost: the retry must neither skip nor repeat. */
    @Test
    void lostAnswersAreRetriedIdempotently() throws Exception {
        int[] prompt = ServeFixture.tokens("One day, a girl");
        int[] expected = ServeFixture.greedy(prompt, N);
        try (VerifierServer server = ServeFixture.verifier();
             VerifierTransport real = ServeFixture.transport(server.url())) {
            AtomicInteger calls = new AtomicInteger();
            VerifierTransport lossy = new LosingTransport(real, calls);
            EdgeClient.Result r = new EdgeClient(ServeFixture.model(ServeFixture.L5), lossy,
                    ServeFixture.clientOptions(), null).run(prompt, N, new FixedK(4), null);
            assertThat(r.tokens()).containsExactly(expected);
            assertThat(r.summary().retries()).isGreaterThanOrEqualTo(3);
            assertThat(server.metrics().rounds()).isGreaterThan(r.summary().rounds());
        }
    }

    @Test
    void verifierDownPastTheDeadlineFallsBackToLocalDecoding() throws Exception {
        int[] prompt = ServeFixture.tokens(ServeFixture.PROMPT);
        VerifierServer server = ServeFixture.verifier();
        List<String> notices = new ArrayList<>();
        try (VerifierTransport t = ServeFixture.transport(server.url())) {
            PauseAt pause = new PauseAt();
            ClientOptions opts = ServeFixture.clientOptions().withFallbackAfter(Duration.ofMillis(400));
            EdgeClient client = new EdgeClient(ServeFixture.model(ServeFixture.Q8), t, opts, notices::add);
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                Future<EdgeClient.Result> run = pool.submit(() -> client.run(prompt, 24, new FixedK(4), pause));
                assertThat(pause.reached.await(60, TimeUnit.SECONDS)).isTrue();
                server.close();
                pause.resume.countDown();
                EdgeClient.Result r = run.get(120, TimeUnit.SECONDS);
                assertThat(r.tokens()).hasSize(24);
                assertThat(r.summary().fallbackTokens()).isPositive();
                assertThat(notices).anySatisfy(n -> assertThat(n).contains("locally"));
                // the first 12 were verified by the target; the draft (Q8, all layers) agrees with it here
                int[] expected = ServeFixture.greedy(prompt, 24);
                assertThat(java.util.Arrays.copyOf(r.tokens(), 12)).containsExactly(java.util.Arrays.copyOf(expected, 12));
            } finally {
                pool.shutdownNow();
            }
        } finally {
            server.close();
        }
    }

    @Test
    void aClientThatFallsBackDeletesItsSessionOnTheServer() throws Exception {
        int[] prompt = ServeFixture.tokens(ServeFixture.PROMPT);
        try (VerifierServer server = ServeFixture.verifier();
             VerifierTransport real = ServeFixture.transport(server.url())) {
            // the server stays up, but from the third verify on the client only ever sees 503s
            VerifierTransport failing = new FailingAfter(real, 2);
            ClientOptions opts = ServeFixture.clientOptions().withFallbackAfter(Duration.ofMillis(300));
            EdgeClient.Result r = new EdgeClient(ServeFixture.model(ServeFixture.Q8), failing, opts, null)
                    .run(prompt, 24, new FixedK(2), null);
            assertThat(r.summary().fallbackTokens()).isPositive();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (sessions(server) > 0 && System.nanoTime() < until) {
                Thread.sleep(50);
            }
            assertThat(sessions(server)).as("sessions left open on the server").isZero();
        }
    }

    private static int sessions(VerifierServer server) throws Exception {
        return org.configspec.serve.protocol.Json.mapper().readTree(
                org.configspec.serve.HttpGet.text(server.url() + "/healthz")).get("sessions").asInt();
    }

    /** Passes the first {@code good} verifies through, then answers every verify with a 503 (deletes go through). */
    private static final class FailingAfter extends ForwardingTransport {
        private final int good;
        private int calls;

        FailingAfter(VerifierTransport real, int good) {
            super(real);
            this.good = good;
        }

        @Override
        public VerifyResponse verify(String session, VerifyRequest request) throws VerifierException {
            if (++calls > good) {
                throw new VerifierException(VerifierException.Kind.UNREACHABLE, 503, "overloaded (injected)", null);
            }
            return real.verify(session, request);
        }
    }

    private static Integer[] box(int[] a) {
        return java.util.Arrays.stream(a).boxed().toArray(Integer[]::new);
    }

    /** Delivers every verify but throws away every third answer, as a connection dropped after the request. */
    private static final class LosingTransport extends ForwardingTransport {
        private final AtomicInteger calls;

        LosingTransport(VerifierTransport real, AtomicInteger calls) {
            super(real);
            this.calls = calls;
        }

        @Override
        public VerifyResponse verify(String session, VerifyRequest request) throws VerifierException {
            VerifyResponse v = real.verify(session, request);
            if (calls.incrementAndGet() % 3 == 0) {
                throw new VerifierException(VerifierException.Kind.UNREACHABLE, 0, "connection reset (injected)", null);
            }
            return v;
        }
    }
}

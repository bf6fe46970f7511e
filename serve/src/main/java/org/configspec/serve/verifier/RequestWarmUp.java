package org.configspec.serve.verifier;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import org.configspec.llm.http.HttpConnection;
import org.configspec.llm.http.KeepAlivePool;
import org.configspec.serve.protocol.ProtocolWarmUp;
import org.configspec.serve.protocol.VerifyCodec;
import org.configspec.serve.protocol.VerifyRequest;

/**
 * Runs a fresh server's request path a few thousand times before its first client, within a time budget: the round's
 * codec and the session messages in process, then, over loopback on one kept-alive connection, {@value #HEALTH}
 * {@code /healthz} (the Javalin routes) and up to {@value #VERIFIES} verifies of a session that does not exist, which
 * the verify route refuses (404) after Jetty read, parsed and dispatched them and before any decoding; they carry
 * {@link VerifierServer#WARM_UP_HEADER} with this server's key, so their refusals are not counted in the metrics.
 * <p>Why: on a fresh server a round spent 2.2 ms outside the verifier (HTTP on both sides), 0.9 ms after a few thousand
 * verifies (the JIT had compiled Jetty's and our request code): about 5 % of a round with a small target, for the
 * first minutes of every server (docs/benchmarks.md, "Where a plain round's time goes").
 */
public final class RequestWarmUp {
    static final int CODEC = 2000;
    static final int SESSIONS = 100;
    static final int HEALTH = 100;
    static final int VERIFIES = 3000;
    private static final String PATH = "/v1/sessions/warm-up/verify";

    /** What the warm-up did: requests answered over loopback, and how long it all took. */
    public record Result(int requests, Duration took) {
    }

    private RequestWarmUp() {
    }

    static Result run(VerifierServer server, Duration budget) {
        long start = System.nanoTime();
        long end = start + budget.toNanos();
        ProtocolWarmUp.run(CODEC, SESSIONS, end);
        int requests = 0;
        try (KeepAlivePool pool = new KeepAlivePool(loopback(server), 2000)) {
            String auth = server.config().token() == null ? null : "Authorization: Bearer " + server.config().token();
            byte[] health = pool.head("GET", "/healthz", null, auth);
            for (int i = 0; i < HEALTH && System.nanoTime() < end; i++) {
                if (pool.exchange(health, null, end + 1_000_000_000L).status() != 200) {
                    break;
                }
                requests++;
            }
            byte[] body = VerifyCodec.write(new VerifyRequest(5, new int[] {1, 2, 3, 4}, null));
            byte[] verify = pool.head("POST", PATH, body, auth, "Content-Type: application/json",
                    VerifierServer.WARM_UP_HEADER + ": " + server.warmUpKey());
            for (int i = 0; i < VERIFIES && System.nanoTime() < end; i++) {
                HttpConnection.Answer a = pool.exchange(verify, body, end + 1_000_000_000L);
                if (a.status() != 404) {
                    break;
                }
                requests++;
            }
        } catch (IOException | RuntimeException e) {
            // the server serves without it; its first clients pay the JIT
        }
        return new Result(requests, Duration.ofNanos(System.nanoTime() - start));
    }

    /** The server's address as a client on this machine reaches it: loopback when it listens on every address. */
    private static URI loopback(VerifierServer server) throws IOException {
        InetAddress bound = InetAddress.getByName(server.config().host());
        if (!bound.isAnyLocalAddress()) {
            return URI.create(server.url());
        }
        return URI.create("http://" + (bound.getAddress().length == 16 ? "[::1]" : "127.0.0.1") + ":" + server.port());
    }
}

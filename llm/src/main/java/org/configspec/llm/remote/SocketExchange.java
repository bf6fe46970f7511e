package org.configspec.llm.remote;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.configspec.llm.http.HttpConnection;
import org.configspec.llm.http.KeepAlivePool;

/**
 * {@link Exchange} for an http endpoint over llm/http's {@link KeepAlivePool}: blocking sockets with keep-alive and
 * TCP_NODELAY, the answer read on the calling thread. The JDK client took 0.45–0.9 s to build and 6.3–6.5 ms per
 * warm loopback request, a plain socket 1.3–3.4 ms (docs/benchmarks.md, "What was measured first"). Redirects are not
 * followed (HttpJson names their target in its message).
 */
final class SocketExchange implements Exchange {
    private final KeepAlivePool pool;
    private final Duration timeout;

    SocketExchange(Endpoint endpoint) {
        this.timeout = endpoint.timeout();
        this.pool = new KeepAlivePool(endpoint.url(), (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    }

    @Override
    public Reply send(URI uri, String body, String apiKey) throws IOException {
        String target = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        byte[] payload = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        byte[] head = pool.head(body == null ? "GET" : "POST", target, payload, "Accept: application/json",
                apiKey == null ? null : "Authorization: Bearer " + apiKey,
                body == null ? null : "Content-Type: application/json");
        HttpConnection.Answer a = pool.exchange(head, payload, System.nanoTime() + timeout.toNanos());
        return new Reply(a.status(), new String(a.body(), StandardCharsets.UTF_8), a.header("Retry-After"),
                a.header("Location"));
    }

    @Override
    public void close() {
        pool.close();
    }
}

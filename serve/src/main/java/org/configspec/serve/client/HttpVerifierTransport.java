package org.configspec.serve.client;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.llm.http.HttpConnection;
import org.configspec.llm.http.KeepAlivePool;
import org.configspec.serve.protocol.ErrorBody;
import org.configspec.serve.protocol.Json;
import org.configspec.serve.protocol.ProtocolException;
import org.configspec.serve.protocol.ProtocolWarmUp;
import org.configspec.serve.protocol.SessionRequest;
import org.configspec.serve.protocol.SessionResponse;
import org.configspec.serve.protocol.VerifyCodec;
import org.configspec.serve.protocol.VerifyRequest;
import org.configspec.serve.protocol.VerifyResponse;

/**
 * {@link VerifierTransport} over HTTP/1.1 + JSON on plain blocking sockets ({@link HttpConnection}: keep-alive,
 * TCP_NODELAY, the answer read on the calling thread), pooled by a {@link KeepAlivePool} (concurrent callers each get
 * their own; a stale keep-alive connection is replaced once). Every other failure is reported. Thread-safe.
 */
public final class HttpVerifierTransport implements VerifierTransport {
    private static final int CONNECT_TIMEOUT_MS = 2000;

    private final KeepAlivePool pool;
    private final String token;
    private final Duration timeout;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong received = new AtomicLong();

    public HttpVerifierTransport(String url, String token, Duration timeout) {
        String u = url == null ? "" : url.trim();
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        URI base;
        try {
            base = URI.create(u);
        } catch (IllegalArgumentException e) {
            throw new ConfigSpecException("--verifier '" + url + "' is not a URL (allowed: http://HOST:PORT)");
        }
        if (!"http".equals(base.getScheme()) || base.getHost() == null) {
            throw new ConfigSpecException("--verifier '" + url + "' is not an http URL (allowed: http://HOST:PORT)");
        }
        this.pool = new KeepAlivePool(base, CONNECT_TIMEOUT_MS);
        if (token != null && token.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new ConfigSpecException("the verifier token contains control characters (allowed: printable text)");
        }
        this.token = token;
        this.timeout = timeout;
    }

    /** Most codec round trips and /healthz exchanges of {@link #warmUp()}. */
    static final int WARM_UP_SESSION = 50;
    static final int WARM_UP_CODEC = 1000;
    static final int WARM_UP_EXCHANGES = 20;
    /** {@link #warmUp()} stops after this long whatever it has done. */
    static final long WARM_UP_NANOS = 300_000_000L;

    /**
     * Runs the code of a round before the first round (e.g. while the draft model loads): the session messages
     * {@value #WARM_UP_SESSION} times and a round's messages {@value #WARM_UP_CODEC} times ({@link ProtocolWarmUp}),
     * then {@code /healthz} {@value #WARM_UP_EXCHANGES} times on the connection the rounds will use (the HTTP reader),
     * at most {@link #WARM_UP_NANOS} in all: a {@code run} is a fresh JVM whose rounds are few. Failures are ignored:
     * the first real request reports them.
     */
    public void warmUp() {
        long end = System.nanoTime() + WARM_UP_NANOS;
        try {
            ProtocolWarmUp.run(WARM_UP_CODEC, WARM_UP_SESSION, end);
            for (int i = 0; i < WARM_UP_EXCHANGES && System.nanoTime() < end; i++) {
                call("GET", "/healthz", null, null, false);
            }
        } catch (VerifierException | RuntimeException e) {
            // reported by the first real request
        }
    }

    @Override
    public SessionResponse createSession(SessionRequest request) throws VerifierException {
        return call("POST", "/v1/sessions", Json.write(request), b -> Json.read(b, SessionResponse.class), true);
    }

    @Override
    public VerifyResponse verify(String session, VerifyRequest request) throws VerifierException {
        return call("POST", "/v1/sessions/" + session + "/verify", VerifyCodec.write(request), VerifyCodec::readResponse,
                true);
    }

    @Override
    public void deleteSession(String session) throws VerifierException {
        call("DELETE", "/v1/sessions/" + session, null, null, true);
    }

    private byte[] head(String method, String path, byte[] body) {
        return pool.head(method, path, body, token == null ? null : "Authorization: Bearer " + token,
                body == null ? null : "Content-Type: application/json");
    }

    /**
     * One exchange; {@code count} false for the warm-up (its bytes are not payload of the run). With {@code reader}
     * null the answer's body is not parsed.
     */
    private <T> T call(String method, String path, byte[] payload, Function<byte[], T> reader, boolean count)
            throws VerifierException {
        byte[] head = head(method, path, payload);
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpConnection.Answer a;
        try {
            a = pool.exchange(head, payload, deadline);
        } catch (SocketTimeoutException e) {
            throw new VerifierException(VerifierException.Kind.UNREACHABLE, 0, "verifier unreachable: no answer within"
                    + " the request timeout of " + timeout.toMillis() + " ms", e);
        } catch (IOException e) {
            throw new VerifierException(VerifierException.Kind.UNREACHABLE, 0, "verifier unreachable: " + e, e);
        }
        if (payload != null) {
            sent.addAndGet(payload.length);
        }
        byte[] answer = a.body();
        if (count) {
            received.addAndGet(answer.length);
        }
        int status = a.status();
        if (status >= 200 && status < 300) {
            if (reader == null) {
                return null;
            }
            try {
                return reader.apply(answer);
            } catch (ProtocolException e) {
                throw new VerifierException(VerifierException.Kind.UNREACHABLE, status,
                        "unreadable answer from the verifier: " + e.getMessage(), e);
            }
        }
        String message = errorMessage(answer, status);
        VerifierException.Kind kind = status == 404 && path.startsWith("/v1/sessions/")
                ? VerifierException.Kind.UNKNOWN_SESSION
                : status >= 500 || status == 429 || status == 408 ? VerifierException.Kind.UNREACHABLE
                : VerifierException.Kind.REJECTED;
        throw new VerifierException(kind, status, "verifier answered " + status + ": " + message, null);
    }

    private static String errorMessage(byte[] answer, int status) {
        try {
            return Json.mapper().readValue(answer, ErrorBody.class).error();
        } catch (IOException | RuntimeException e) {
            String s = new String(answer, StandardCharsets.UTF_8).replaceAll("\\s+", " ").trim();
            return s.isEmpty() ? "HTTP " + status : s.length() > 200 ? s.substring(0, 200) : s;
        }
    }

    @Override
    public long bytesSent() {
        return sent.get();
    }

    @Override
    public long bytesReceived() {
        return received.get();
    }

    @Override
    public void close() {
        pool.close();
    }
}

package org.configspec.serve.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.serve.protocol.ErrorBody;
import org.configspec.serve.protocol.Json;
import org.configspec.serve.protocol.ProtocolException;
import org.configspec.serve.protocol.SessionRequest;
import org.configspec.serve.protocol.SessionResponse;
import org.configspec.serve.protocol.VerifyRequest;
import org.configspec.serve.protocol.VerifyResponse;

/** {@link VerifierTransport} over HTTP/1.1 + JSON with the JDK client (one keep-alive connection reused). */
public final class HttpVerifierTransport implements VerifierTransport {
    private final URI base;
    private final String token;
    private final Duration timeout;
    private final HttpClient http;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong received = new AtomicLong();

    public HttpVerifierTransport(String url, String token, Duration timeout) {
        String u = url == null ? "" : url.trim();
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        try {
            this.base = URI.create(u);
        } catch (IllegalArgumentException e) {
            throw new ConfigSpecException("--verifier '" + url + "' is not a URL (allowed: http://HOST:PORT)");
        }
        if (!"http".equals(base.getScheme()) || base.getHost() == null) {
            throw new ConfigSpecException("--verifier '" + url + "' is not an http URL (allowed: http://HOST:PORT)");
        }
        this.token = token;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
    }

    @Override
    public SessionResponse createSession(SessionRequest request) throws VerifierException {
        return call("POST", "/v1/sessions", Json.write(request), SessionResponse.class);
    }

    @Override
    public VerifyResponse verify(String session, VerifyRequest request) throws VerifierException {
        return call("POST", "/v1/sessions/" + session + "/verify", Json.write(request), VerifyResponse.class);
    }

    @Override
    public void deleteSession(String session) throws VerifierException {
        call("DELETE", "/v1/sessions/" + session, null, null);
    }

    private <T> T call(String method, String path, byte[] body, Class<T> type) throws VerifierException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofByteArray(body));
            sent.addAndGet(body.length);
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<byte[]> r;
        try {
            r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new VerifierException(VerifierException.Kind.UNREACHABLE, 0, "verifier unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VerifierException(VerifierException.Kind.UNREACHABLE, 0, "interrupted", e);
        }
        byte[] answer = r.body() == null ? new byte[0] : r.body();
        received.addAndGet(answer.length);
        int status = r.statusCode();
        if (status >= 200 && status < 300) {
            if (type == null) {
                return null;
            }
            try {
                return Json.read(answer, type);
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
        // the JDK client releases its connections when collected; nothing to free explicitly on Java 17
    }
}

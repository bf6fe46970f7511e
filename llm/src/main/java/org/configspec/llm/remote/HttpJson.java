package org.configspec.llm.remote;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.core.json.MachineJson;
import org.configspec.llm.remote.RemoteTargetException.Reason;

/**
 * JSON over HTTP to one endpoint: GET and POST with the bearer key, retries of 429/5xx and broken connections by the
 * endpoint's {@link RetryPolicy}, and every failure turned into one {@link RemoteTargetException} line that quotes
 * the server's own message. The bytes go through an {@link Exchange}: keep-alive sockets for http, the JDK client for
 * https. Thread-safe.
 */
final class HttpJson implements AutoCloseable {
    private static final int QUOTE = 300;

    private final Endpoint endpoint;
    private final String apiKey;
    private final Exchange exchange;
    private final Sleeper sleeper;

    /** Waits between retries (a seam so that tests of the retry rule need no clock). */
    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    HttpJson(Endpoint endpoint, String apiKey) {
        this(endpoint, apiKey, d -> Thread.sleep(d.toMillis()));
    }

    HttpJson(Endpoint endpoint, String apiKey, Sleeper sleeper) {
        this.endpoint = endpoint;
        this.apiKey = apiKey;
        this.sleeper = sleeper;
        this.exchange = Exchange.to(endpoint);
    }

    Endpoint endpoint() {
        return endpoint;
    }

    JsonNode get(String path) {
        return send(path, null);
    }

    JsonNode post(String path, JsonNode body) {
        return send(path, MachineJson.write(MachineJson.compact(), body));
    }

    private JsonNode send(String path, String body) {
        URI uri = endpoint.resolve(path);
        String what = (body == null ? "GET " : "POST ") + uri;
        RetryPolicy retry = endpoint.retry();
        for (int attempt = 1; ; attempt++) {
            Exchange.Reply r;
            try {
                r = exchange.send(uri, body, apiKey);
            } catch (HttpConnectTimeoutException | ConnectException | UnknownHostException e) {
                throw new RemoteTargetException(Reason.DOWN, 0, what + ": cannot connect (" + reason(e)
                        + "); is the server running and the URL's host and port right?", e);
            } catch (HttpTimeoutException | SocketTimeoutException e) {
                throw new RemoteTargetException(Reason.TIMEOUT, 0, what + ": no answer within "
                        + endpoint.timeout().toSeconds() + " s", e);
            } catch (IOException e) {
                if (attempt < retry.attempts()) {
                    pause(retry.backoff(attempt + 1), what);
                    continue;
                }
                throw new RemoteTargetException(Reason.DOWN, 0, what + ": connection failed after " + attempt
                        + " attempt(s) (" + reason(e) + ")", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RemoteTargetException(Reason.DOWN, 0, what + ": interrupted", e);
            }
            int s = r.status();
            if (s >= 200 && s < 300) {
                return parse(r.body(), what);
            }
            boolean transient_ = s == 429 || s >= 500;
            if (transient_ && attempt < retry.attempts()) {
                pause(retryAfter(r).orElse(retry.backoff(attempt + 1)), what);
                continue;
            }
            throw failure(r, what, attempt);
        }
    }

    private java.util.Optional<Duration> retryAfter(Exchange.Reply r) {
        return java.util.Optional.ofNullable(r.retryAfter()).flatMap(v -> {
            try {
                long sec = Long.parseLong(v.trim());
                long capped = Math.min(sec * 1000, endpoint.retry().maxBackoff().toMillis());
                return java.util.Optional.of(Duration.ofMillis(Math.max(0, capped)));
            } catch (NumberFormatException e) {
                return java.util.Optional.empty();
            }
        });
    }

    private void pause(Duration d, String what) {
        try {
            sleeper.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteTargetException(Reason.DOWN, 0, what + ": interrupted while waiting to retry", e);
        }
    }

    private static RemoteTargetException failure(Exchange.Reply r, String what, int attempts) {
        int s = r.status();
        String msg = serverMessage(r.body());
        if (s >= 300 && s < 400) {
            return new RemoteTargetException(Reason.REFUSED, s, what + ": " + s + " redirect to '" + r.location()
                    + "', not followed; give the server's own URL with --url", null);
        }
        if (s == 401 || s == 403) {
            return new RemoteTargetException(Reason.UNAUTHORIZED, s, what + ": " + s + " unauthorized (\"" + msg
                    + "\"); give the key's environment variable with --api-key-env", null);
        }
        if (s == 404) {
            return new RemoteTargetException(Reason.NOT_FOUND, s, what + ": 404 not found (\"" + msg
                    + "\"); is the URL the server's base URL and --api the server's API?", null);
        }
        if (s == 429 || s >= 500) {
            return new RemoteTargetException(Reason.SERVER_ERROR, s, what + ": " + s + " after " + attempts
                    + " attempt(s): \"" + msg + "\"", null);
        }
        return new RemoteTargetException(Reason.REFUSED, s, what + ": " + s + " refused: \"" + msg + "\"", null);
    }

    /** The server's error text: {@code error.message}, {@code message}, {@code detail} or {@code error}, else the body. */
    static String serverMessage(String body) {
        String m = body == null ? "" : body.strip();
        try {
            JsonNode n = MachineJson.lenient().readTree(m);
            if (n != null) {
                JsonNode e = n.path("error");
                if (e.isObject() && e.path("message").isTextual()) {
                    m = e.path("message").asText();
                } else if (e.isTextual()) {
                    m = e.asText();
                } else if (n.path("message").isTextual()) {
                    m = n.path("message").asText();
                } else if (n.path("detail").isTextual()) {
                    m = n.path("detail").asText();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not JSON: quote the body itself
        }
        m = m.replaceAll("\\s+", " ").trim();
        return m.length() > QUOTE ? m.substring(0, QUOTE) + "..." : m.isEmpty() ? "(empty body)" : m;
    }

    private static JsonNode parse(String body, String what) {
        try {
            JsonNode n = MachineJson.lenient().readTree(body);
            if (n == null || n.isMissingNode()) {
                throw new RemoteTargetException(Reason.BAD_RESPONSE, what + ": empty answer; expected JSON");
            }
            return n;
        } catch (IOException | ConfigSpecException e) {
            throw new RemoteTargetException(Reason.BAD_RESPONSE, 200, what + ": answer is not JSON ("
                    + MachineJson.oneLine(e) + "): \"" + serverMessage(body) + "\"", e);
        }
    }

    private static String reason(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    @Override
    public void close() {
        exchange.close();
    }
}

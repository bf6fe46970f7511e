package org.configspec.llm.http;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * {@link HttpConnection}s to one http server: idle connections are pooled, so concurrent callers each get their own
 * and a caller that sends again reuses its warm connection. A request that fails on a reused connection before any
 * byte of the answer arrived (the server closed an idle keep-alive connection) is sent once more on a fresh
 * connection; every other failure is the caller's. Thread-safe.
 */
public final class KeepAlivePool implements AutoCloseable {
    private final String host;
    private final int port;
    private final String hostHeader;
    private final int connectTimeoutMs;
    private final ConcurrentLinkedDeque<HttpConnection> idle = new ConcurrentLinkedDeque<>();
    private volatile boolean closed;

    /**
     * A pool for the server of {@code url} (an http URL with a host; port 80 when it has none).
     *
     * @throws IllegalArgumentException for another scheme or no host
     */
    public KeepAlivePool(URI url, int connectTimeoutMs) {
        if (!"http".equals(url.getScheme()) || url.getHost() == null) {
            throw new IllegalArgumentException("not an http URL with a host: " + url);
        }
        String h = url.getHost();
        this.host = h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
        this.port = url.getPort() < 0 ? 80 : url.getPort();
        this.hostHeader = h + (url.getPort() < 0 ? "" : ":" + url.getPort());
        this.connectTimeoutMs = connectTimeoutMs;
    }

    /**
     * The request line and headers of one request, ending with the blank line: {@code Host}, the given header lines
     * ("Name: value"; null ones left out), and the body's {@code Content-Length} (0 for a request other than GET without a body).
     *
     * @throws IllegalArgumentException when the target or a header line holds a control character
     */
    public byte[] head(String method, String target, byte[] body, String... headers) {
        StringBuilder sb = new StringBuilder(160).append(method).append(' ').append(printable(target))
                .append(" HTTP/1.1\r\nHost: ").append(hostHeader).append("\r\n");
        for (String h : headers) {
            if (h != null) {
                sb.append(printable(h)).append("\r\n");
            }
        }
        if (body != null) {
            sb.append("Content-Length: ").append(body.length).append("\r\n");
        } else if (!"GET".equals(method)) {
            sb.append("Content-Length: 0\r\n");
        }
        return sb.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String printable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                throw new IllegalArgumentException("control character in an HTTP request line or header");
            }
        }
        return s;
    }

    /** Sends {@code head} and {@code body} on an idle connection (or a new one) and reads the answer by the deadline. */
    public HttpConnection.Answer exchange(byte[] head, byte[] body, long deadlineNanos) throws IOException {
        if (closed) {
            throw new IOException("connection pool closed");
        }
        HttpConnection c = idle.pollFirst();
        if (c == null) {
            c = HttpConnection.open(host, port, connectTimeoutMs);
        }
        HttpConnection.Answer a;
        try {
            a = c.exchange(head, body, deadlineNanos);
        } catch (HttpConnection.NothingReceived stale) {
            c.close();
            c = HttpConnection.open(host, port, connectTimeoutMs);
            try {
                a = c.exchange(head, body, deadlineNanos);
            } catch (IOException | RuntimeException e) {
                c.close();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            c.close();
            throw e;
        }
        if (a.reusable() && !closed) {
            idle.addFirst(c);
        } else {
            c.close();
        }
        return a;
    }

    /** Closes the idle connections; an exchange still running closes its own when it ends. */
    @Override
    public void close() {
        closed = true;
        for (HttpConnection c = idle.pollFirst(); c != null; c = idle.pollFirst()) {
            c.close();
        }
    }
}

package org.configspec.llm.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The HTTP/1.1 the project's clients speak, against a raw loopback socket server that writes exactly the bytes a test
 * gives it: bodies by Content-Length, chunked and to end of stream, interim answers, headers, keep-alive reuse, the
 * one resend of a request whose reused connection turned out closed, and the deadline.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HttpConnectionTest {
    private static final long DEADLINE = TimeUnit.SECONDS.toNanos(10);

    /**
     * Answers each request (read up to its blank line and Content-Length body) with the next scripted bytes; closes
     * the connection after an HTTP/1.0 answer (or after every answer).
     */
    private static final class RawServer implements AutoCloseable {
        private final ServerSocket socket;
        private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
        private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
        private final AtomicInteger connections = new AtomicInteger();
        private final boolean closeAfterEach;
        private final Thread thread;

        RawServer(boolean closeAfterEach, String... answers) throws IOException {
            this.socket = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
            this.closeAfterEach = closeAfterEach;
            this.answers.addAll(List.of(answers));
            this.thread = new Thread(this::serve, "raw-http");
            thread.setDaemon(true);
            thread.start();
        }

        URI url() {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }

        private void serve() {
            while (!socket.isClosed()) {
                try (Socket s = socket.accept()) {
                    connections.incrementAndGet();
                    InputStream in = s.getInputStream();
                    String request;
                    while ((request = readRequest(in)) != null) {
                        requests.add(request);
                        String answer = answers.poll(5, TimeUnit.SECONDS);
                        if (answer == null) {
                            break; // silent: the client's deadline test
                        }
                        s.getOutputStream().write(answer.getBytes(StandardCharsets.UTF_8));
                        s.getOutputStream().flush();
                        if (closeAfterEach || answer.startsWith("HTTP/1.0")) {
                            break;
                        }
                    }
                } catch (IOException | InterruptedException e) {
                    // the test closed the server, or the client its connection
                }
            }
        }

        private static String readRequest(InputStream in) throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            while (!b.toString(StandardCharsets.UTF_8).endsWith("\r\n\r\n")) {
                int c = in.read();
                if (c < 0) {
                    return null;
                }
                b.write(c);
            }
            String head = b.toString(StandardCharsets.UTF_8);
            int length = 0;
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(15).trim());
                }
            }
            return head + new String(in.readNBytes(length), StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private static HttpConnection.Answer get(KeepAlivePool pool, String path) throws IOException {
        return pool.exchange(pool.head("GET", path, null), null, System.nanoTime() + DEADLINE);
    }

    private static String text(HttpConnection.Answer a) {
        return new String(a.body(), StandardCharsets.UTF_8);
    }

    @Test
    void aKeepAliveConnectionCarriesSeveralExchangesAndTheirHeaders() throws Exception {
        try (RawServer server = new RawServer(false,
                "HTTP/1.1 429 Too Many Requests\r\nRetry-After: 3\r\nContent-Length: 4\r\n\r\nbusy",
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");
             KeepAlivePool pool = new KeepAlivePool(server.url(), 2000)) {
            byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
            HttpConnection.Answer first = pool.exchange(pool.head("POST", "/x?y=1", body, "Content-Type: application/json",
                    null), body, System.nanoTime() + DEADLINE);
            assertThat(first.status()).isEqualTo(429);
            assertThat(first.header("retry-after")).isEqualTo("3");
            assertThat(first.header("Retry-After")).isEqualTo("3");
            assertThat(text(first)).isEqualTo("busy");
            assertThat(first.reusable()).isTrue();
            HttpConnection.Answer second = get(pool, "/y");
            assertThat(second.status()).isEqualTo(200);
            assertThat(text(second)).isEqualTo("{}");
            assertThat(server.connections.get()).isEqualTo(1);
            assertThat(server.requests.get(0)).isEqualTo("POST /x?y=1 HTTP/1.1\r\nHost: " + server.url().getAuthority()
                    + "\r\nContent-Type: application/json\r\nContent-Length: 7\r\n\r\n{\"a\":1}");
            assertThat(server.requests.get(1)).isEqualTo("GET /y HTTP/1.1\r\nHost: " + server.url().getAuthority()
                    + "\r\n\r\n");
        }
    }

    @Test
    void chunkedBodiesInterimAnswersAndBodiesToTheEndOfTheStreamAreRead() throws Exception {
        try (RawServer server = new RawServer(false,
                "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + "4\r\nabcd\r\n3;ext=1\r\nefg\r\n0\r\nTrailer: x\r\n\r\n",
                "HTTP/1.0 200 OK\r\n\r\nuntil the end");
             KeepAlivePool pool = new KeepAlivePool(server.url(), 2000)) {
            HttpConnection.Answer chunked = get(pool, "/c");
            assertThat(text(chunked)).isEqualTo("abcdefg");
            assertThat(chunked.reusable()).isTrue();
            HttpConnection.Answer toEnd = pool.exchange(pool.head("GET", "/e", null), null,
                    System.nanoTime() + DEADLINE);
            assertThat(text(toEnd)).isEqualTo("until the end");
            assertThat(toEnd.reusable()).isFalse();
        }
    }

    @Test
    void aRequestOnAConnectionTheServerClosedIsSentOnceMoreOnAFreshOne() throws Exception {
        try (RawServer server = new RawServer(true,
                "HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\none",
                "HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\ntwo");
             KeepAlivePool pool = new KeepAlivePool(server.url(), 2000)) {
            assertThat(text(get(pool, "/1"))).isEqualTo("one");
            // the answer said keep-alive, but the server closed the connection after it
            assertThat(text(get(pool, "/2"))).isEqualTo("two");
            assertThat(server.connections.get()).isEqualTo(2);
            assertThat(server.requests).hasSize(2);
        }
    }

    @Test
    void anAnswerThatDoesNotComeIsATimeoutAtTheDeadline() throws Exception {
        try (RawServer server = new RawServer(false);
             KeepAlivePool pool = new KeepAlivePool(server.url(), 2000)) {
            assertThatThrownBy(() -> pool.exchange(pool.head("GET", "/slow", null), null,
                    System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300)))
                    .isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void malformedAnswersAndRequestHeadersAreRefused() throws Exception {
        try (RawServer server = new RawServer(false, "SMTP ready\r\n\r\n");
             KeepAlivePool pool = new KeepAlivePool(server.url(), 2000)) {
            assertThatThrownBy(() -> get(pool, "/")).isInstanceOf(IOException.class)
                    .hasMessageContaining("not an HTTP/1.x status line: 'SMTP ready'");
            assertThatThrownBy(() -> pool.head("GET", "/", null, "Authorization: Bearer a\r\nX-Evil: 1"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("control character");
        }
        assertThatThrownBy(() -> new KeepAlivePool(URI.create("https://h"), 2000))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

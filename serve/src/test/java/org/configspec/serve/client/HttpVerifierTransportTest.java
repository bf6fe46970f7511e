package org.configspec.serve.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.configspec.serve.protocol.SessionRequest;
import org.configspec.serve.protocol.SessionResponse;
import org.configspec.serve.protocol.VerifyRequest;
import org.configspec.serve.protocol.VerifyResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The transport's own HTTP/1.1 client against a scripted server on a real loopback socket: the framings a server may
 * answer with (Content-Length, chunked, close-delimited), keep-alive reuse, a stale idle connection replaced once,
 * the request timeout, and what goes on the wire (one request, Host, bearer token, JSON body with its length).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HttpVerifierTransportTest {
    private static final String VERIFY_JSON = "{\"accepted\":2,\"token\":7,\"position\":9,"
            + "\"timings\":{\"queueMs\":0.1,\"decodeMs\":1.5,\"batchSize\":1}}";

    /**
     * A server that reads one request per answer from {@code script} (connection index, request index on it) and
     * records every request it read; a null answer closes the connection without answering.
     */
    private static final class Scripted implements AutoCloseable {
        final ServerSocket server;
        final List<String> requests = new CopyOnWriteArrayList<>();
        final List<Integer> connectionOfRequest = new CopyOnWriteArrayList<>();
        private final Thread thread;

        Scripted(Function<int[], String> script) throws IOException {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            thread = new Thread(() -> {
                int connection = 0;
                while (!server.isClosed()) {
                    try (Socket s = server.accept()) {
                        InputStream in = s.getInputStream();
                        for (int i = 0; ; i++) {
                            String req = readRequest(in);
                            if (req == null) {
                                break;
                            }
                            requests.add(req);
                            connectionOfRequest.add(connection);
                            String answer = script.apply(new int[] {connection, i});
                            if (answer == null) {
                                break;
                            }
                            s.getOutputStream().write(answer.getBytes(StandardCharsets.UTF_8));
                            s.getOutputStream().flush();
                            if (answer.contains("Connection: close")) {
                                break;
                            }
                        }
                    } catch (IOException e) {
                        // next connection
                    }
                    connection++;
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }

        /** Headers and a Content-Length body, or null at end of stream. */
        private static String readRequest(InputStream in) throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            int c;
            while ((c = in.read()) >= 0) {
                b.write(c);
                String s = b.toString(StandardCharsets.UTF_8);
                if (s.endsWith("\r\n\r\n")) {
                    int len = 0;
                    for (String line : s.split("\r\n")) {
                        if (line.toLowerCase().startsWith("content-length:")) {
                            len = Integer.parseInt(line.substring(15).trim());
                        }
                    }
                    return s + new String(in.readNBytes(len), StandardCharsets.UTF_8);
                }
            }
            return null;
        }
    }

    private static String ok(String body, String... headers) {
        return "HTTP/1.1 200 OK\r\n" + String.join("", headers) + "Content-Type: application/json\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    @Test
    void sendsOneRequestWithHostTokenAndJsonBodyAndReadsTheAnswer() throws Exception {
        try (Scripted s = new Scripted(ci -> ok(VERIFY_JSON));
             HttpVerifierTransport t = new HttpVerifierTransport(s.url() + "/", "s3cret", Duration.ofSeconds(10))) {
            VerifyResponse v = t.verify("abc", new VerifyRequest(7, new int[] {5, 6}, null));
            assertThat(v.accepted()).isEqualTo(2);
            assertThat(v.token()).isEqualTo(7);
            assertThat(v.position()).isEqualTo(9);
            String req = s.requests.get(0);
            assertThat(req).startsWith("POST /v1/sessions/abc/verify HTTP/1.1\r\n")
                    .contains("\r\nHost: 127.0.0.1:" + s.server.getLocalPort() + "\r\n")
                    .contains("\r\nAuthorization: Bearer s3cret\r\n")
                    .contains("\r\nContent-Type: application/json\r\n");
            String body = req.substring(req.indexOf("\r\n\r\n") + 4);
            assertThat(body).contains("\"position\":7");
            assertThat(req).contains("Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n");
            assertThat(t.bytesSent()).isEqualTo(body.getBytes(StandardCharsets.UTF_8).length);
            assertThat(t.bytesReceived()).isEqualTo(VERIFY_JSON.length());
        }
    }

    @Test
    void keepAliveAnswersReuseOneConnection() throws Exception {
        try (Scripted s = new Scripted(ci -> ok(VERIFY_JSON));
             HttpVerifierTransport t = new HttpVerifierTransport(s.url(), null, Duration.ofSeconds(10))) {
            for (int i = 0; i < 5; i++) {
                t.verify("a", new VerifyRequest(7, new int[0], null));
            }
            assertThat(s.connectionOfRequest).containsExactly(0, 0, 0, 0, 0);
        }
    }

    /**
     * The warm-up runs a round's HTTP code on the connection the rounds will use ({@code /healthz}, answered here as
     * a verify would be) without counting its bytes as the run's payload; a later verify reuses that connection.
     */
    @Test
    void warmUpReadsHealthzOnTheRoundsConnectionAndCountsNoPayload() throws Exception {
        try (Scripted s = new Scripted(ci -> ok(VERIFY_JSON));
             HttpVerifierTransport t = new HttpVerifierTransport(s.url(), null, Duration.ofSeconds(10))) {
            t.warmUp();
            assertThat(s.requests).hasSize(HttpVerifierTransport.WARM_UP_EXCHANGES)
                    .allSatisfy(r -> assertThat(r).startsWith("GET /healthz HTTP/1.1\r\n"));
            assertThat(s.connectionOfRequest).containsOnly(0);
            assertThat(t.bytesSent()).isZero();
            assertThat(t.bytesReceived()).isZero();
            assertThat(t.verify("a", new VerifyRequest(7, new int[] {1}, null)).token()).isEqualTo(7);
            assertThat(s.connectionOfRequest).containsOnly(0);
        }
    }

    /** Nothing listening: the warm-up gives up quietly (the first real request reports it). */
    @Test
    void warmUpAgainstNothingIsQuiet() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        try (HttpVerifierTransport t = new HttpVerifierTransport("http://127.0.0.1:" + port, null,
                Duration.ofSeconds(10))) {
            t.warmUp();
            assertThatThrownBy(() -> t.verify("a", new VerifyRequest(7, new int[0], null)))
                    .isInstanceOf(VerifierException.class).hasMessageContaining("verifier unreachable");
        }
    }

    @Test
    void chunkedAndCloseDelimitedAnswersAreRead() throws Exception {
        String chunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + Integer.toHexString(10) + "\r\n" + VERIFY_JSON.substring(0, 10) + "\r\n"
                + Integer.toHexString(VERIFY_JSON.length() - 10) + ";ext=1\r\n" + VERIFY_JSON.substring(10) + "\r\n"
                + "0\r\n\r\n";
        String closeDelimited = "HTTP/1.0 200 OK\r\nConnection: close\r\n\r\n" + VERIFY_JSON;
        try (Scripted s = new Scripted(ci -> ci[1] == 0 ? chunked : closeDelimited);
             HttpVerifierTransport t = new HttpVerifierTransport(s.url(), null, Duration.ofSeconds(10))) {
            VerifyRequest r = new VerifyRequest(7, new int[0], null);
            assertThat(t.verify("a", r).position()).isEqualTo(9);
            assertThat(t.verify("a", r).position()).isEqualTo(9);
            assertThat(t.verify("a", r).position()).isEqualTo(9);
            // chunked keeps the connection; the close-delimited answer ends it
            assertThat(s.connectionOfRequest).containsExactly(0, 0, 1);
        }
    }

    @Test
    void aStaleIdleConnectionIsReplacedOnceAndTheRequestAnswered() throws Exception {
        // connection 0 answers once, then closes without answering the second request (an idle-timeout close)
        try (Scripted s = new Scripted(ci -> ci[0] == 0 && ci[1] == 1 ? null : ok(VERIFY_JSON));
             HttpVerifierTransport t = new HttpVerifierTransport(s.url(), null, Duration.ofSeconds(10))) {
            t.verify("a", new VerifyRequest(7, new int[0], null));
            VerifyResponse v = t.verify("a", new VerifyRequest(7, new int[0], null));
            assertThat(v.position()).isEqualTo(9);
            assertThat(s.connectionOfRequest).containsExactly(0, 0, 1);
        }
    }

    @Test
    void aConnectionClosedWithoutAnswerOnItsFirstRequestIsUnreachableAndNotResent() throws Exception {
        try (Scripted s = new Scripted(ci -> null);
             HttpVerifierTransport t = new HttpVerifierTransport(s.url(), null, Duration.ofSeconds(10))) {
            assertThatThrownBy(() -> t.createSession(SessionRequest.greedy(new int[] {1, 2})))
                    .isInstanceOfSatisfying(VerifierException.class,
                            e -> assertThat(e.kind()).isEqualTo(VerifierException.Kind.UNREACHABLE));
            assertThat(s.requests).hasSize(1);
        }
    }

    @Test
    void noAnswerWithinTheTimeoutIsUnreachable() throws Exception {
        List<Socket> held = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             HttpVerifierTransport t = new HttpVerifierTransport("http://127.0.0.1:" + silent.getLocalPort(), null,
                     Duration.ofMillis(300))) {
            Thread acceptor = new Thread(() -> {
                try {
                    held.add(silent.accept());
                } catch (IOException e) {
                    // closed
                }
            });
            acceptor.start();
            assertThatThrownBy(() -> t.verify("a", new VerifyRequest(7, new int[0], null)))
                    .isInstanceOfSatisfying(VerifierException.class, e -> {
                        assertThat(e.kind()).isEqualTo(VerifierException.Kind.UNREACHABLE);
                        assertThat(e.getMessage()).contains("no answer within the request timeout of 300 ms");
                    });
            acceptor.join(5000);
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }

    @Test
    void statusCodesMapToTheClientsKinds() throws Exception {
        String error = "{\"status\":404,\"error\":\"no such x\"}";
        String notFound = "HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nContent-Length: " + error.length()
                + "\r\n\r\n" + error;
        String busy = "HTTP/1.1 429 Too Many Requests\r\nRetry-After: 1\r\nContent-Length: 0\r\n\r\n";
        String bad = "HTTP/1.1 400 Bad Request\r\nContent-Length: 15\r\n\r\n{\"error\":\"bad\"}";
        String created = ok("{\"session\":\"s1\",\"position\":2,\"contextLimit\":256,\"maxK\":16,\"vocabSize\":32000}");
        try (Scripted s = new Scripted(ci -> switch (ci[1]) {
                case 0 -> notFound;
                case 1 -> busy;
                case 2 -> bad;
                default -> created;
            });
             HttpVerifierTransport t = new HttpVerifierTransport(s.url(), null, Duration.ofSeconds(10))) {
            VerifyRequest r = new VerifyRequest(7, new int[0], null);
            assertThatThrownBy(() -> t.verify("a", r)).isInstanceOfSatisfying(VerifierException.class, e -> {
                assertThat(e.kind()).isEqualTo(VerifierException.Kind.UNKNOWN_SESSION);
                assertThat(e.getMessage()).isEqualTo("verifier answered 404: no such x");
            });
            assertThatThrownBy(() -> t.verify("a", r)).isInstanceOfSatisfying(VerifierException.class,
                    e -> assertThat(e.kind()).isEqualTo(VerifierException.Kind.UNREACHABLE));
            assertThatThrownBy(() -> t.verify("a", r)).isInstanceOfSatisfying(VerifierException.class,
                    e -> assertThat(e.kind()).isEqualTo(VerifierException.Kind.REJECTED));
            SessionResponse created1 = t.createSession(SessionRequest.greedy(new int[] {1, 2}));
            assertThat(created1.session()).isEqualTo("s1");
            assertThat(s.connectionOfRequest).containsOnly(0);
        }
    }
}

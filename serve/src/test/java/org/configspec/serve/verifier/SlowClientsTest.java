package org.configspec.serve.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.configspec.serve.HttpGet;
import org.configspec.serve.ServeFixture;
import org.configspec.serve.http.ServerLimits;
import org.configspec.serve.protocol.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Slow and idle clients do not starve the verifier: with 300 connections trickling a body (headers, then one byte
 * every 2 s) and 1,000 idle connections open, /healthz and a real verify still answer. Before the request gate every
 * slow body held a Jetty worker in a blocking read, 250 of them held them all, and /healthz timed out.
 * The bound on each answer is a generous 5 s (a healthy answer takes milliseconds; this machine is shared and busy),
 * so the test tells "answers" from "starved", not fast from slow.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class SlowClientsTest {
    private static final int SLOW = 300;
    private static final int IDLE = 1000;
    private static final Duration ANSWER_BOUND = Duration.ofSeconds(5);

    @Test
    void healthzAndVerifyAnswerWhileSlowBodiesAndIdleConnectionsAreOpen() throws Exception {
        ServerLimits limits = ServerLimits.defaults().withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(20),
                16 * 1024);
        int idle = idleConnections();
        List<Socket> slow = new ArrayList<>();
        List<Socket> quiet = new ArrayList<>();
        try (VerifierServer server = VerifierServer.start(ServeFixture.verifierConfig().withLimits(limits),
                ServeFixture.target())) {
            URI u = URI.create(server.url());
            String head = "POST /v1/sessions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100\r\n\r\n{";
            for (int i = 0; i < SLOW; i++) {
                Socket s = connect(u);
                s.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
                s.getOutputStream().flush();
                slow.add(s);
            }
            for (int i = 0; i < idle; i++) {
                quiet.add(connect(u));
            }
            Thread trickle = new Thread(() -> trickle(slow), "slow-body-trickle");
            trickle.setDaemon(true);
            trickle.start();
            Thread.sleep(2000);

            HttpClient http = HttpGet.client();
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> h = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/healthz"))
                        .timeout(ANSWER_BOUND).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(h.statusCode()).isEqualTo(200);
            }
            int[] prompt = ServeFixture.tokens(ServeFixture.PROMPT);
            HttpResponse<String> created = post(http, server.url() + "/v1/sessions", "{\"prompt\":"
                    + Arrays.toString(prompt) + "}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String id = Json.mapper().readTree(created.body()).get("session").asText();
            HttpResponse<String> verified = post(http, server.url() + "/v1/sessions/" + id + "/verify",
                    "{\"position\":" + prompt.length + ",\"draft\":[]}");
            assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
            assertThat(Json.mapper().readTree(verified.body()).get("token").asInt())
                    .isEqualTo(ServeFixture.greedy(prompt, 1)[0]);
            assertThat(server.metrics().scrape()).containsPattern("configspec_open_connections \\d{4}");

            // the slow bodies were still open: each is answered 408 at its deadline (20 s + 100 B at 16 KiB/s)
            int[] statuses = new int[600];
            for (Socket s : slow) {
                s.setSoTimeout(60_000);
                statuses[statusOf(s.getInputStream())]++;
            }
            trickle.interrupt();
            assertThat(statuses[408]).isEqualTo(SLOW);
        } finally {
            for (Socket s : slow) {
                s.close();
            }
            for (Socket s : quiet) {
                s.close();
            }
        }
    }

    /**
     * 1,000 idle connections take 2,000 descriptors in this JVM (both ends) on top of the slow ones; with a lower
     * descriptor limit than that needs the idle count is scaled down to fit, and the test says so.
     */
    private static int idleConnections() {
        long max = ((com.sun.management.UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getMaxFileDescriptorCount();
        long room = (max - 1000) / 2 - SLOW;
        if (room < IDLE) {
            System.out.println("SlowClientsTest: descriptor limit " + max + ": " + room + " idle connections instead"
                    + " of " + IDLE);
            return (int) Math.max(0, room);
        }
        return IDLE;
    }

    private static Socket connect(URI u) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress(u.getHost(), u.getPort()), 5000);
        return s;
    }

    private static void trickle(List<Socket> slow) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(2000);
                for (Socket s : slow) {
                    try {
                        OutputStream out = s.getOutputStream();
                        out.write(' ');
                        out.flush();
                    } catch (IOException closedByTheServer) {
                        // answered already
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static HttpResponse<String> post(HttpClient http, String url, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(ANSWER_BOUND)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The status of the response on {@code in}; 0 when the server closed without one. */
    private static int statusOf(InputStream in) {
        byte[] line = new byte[12];
        int n = 0;
        try {
            int r;
            while (n < line.length && (r = in.read(line, n, line.length - n)) > 0) {
                n += r;
            }
        } catch (IOException e) {
            return 0;
        }
        String s = new String(line, 0, n, StandardCharsets.ISO_8859_1);
        return s.startsWith("HTTP/1.1 ") ? Integer.parseInt(s.substring(9, 12)) : 0;
    }
}

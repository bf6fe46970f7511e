package org.configspec.serve.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.configspec.serve.HttpGet;
import org.configspec.serve.ServeFixture;
import org.configspec.serve.http.RawHttp;
import org.configspec.serve.http.ServerLimits;
import org.configspec.serve.protocol.ErrorBody;
import org.configspec.serve.protocol.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Overload is refused early and visibly: a full queue in front of the decode thread answers 429 with Retry-After
 * (counted on /metrics), and a connection whose headers trickle in is closed at the header deadline.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class OverloadTest {

    @Test
    void aFullDecodeQueueAnswers429WithRetryAfter() throws Exception {
        // one place in the queue; the decode thread holds the first verify for up to 3 s waiting for the other
        // open session to join its batch, so the second verify finds the queue full
        VerifierConfig config = ServeFixture.verifierConfig().withBatching(8, Duration.ofSeconds(3))
                .withLimits(ServerLimits.defaults().withRequests(256, 1));
        try (VerifierServer server = VerifierServer.start(config, ServeFixture.target())) {
            HttpClient http = HttpGet.client();
            int[] prompt = ServeFixture.tokens(ServeFixture.PROMPT);
            String a = create(http, server, prompt);
            String b = create(http, server, prompt);
            CompletableFuture<HttpResponse<String>> first = http.sendAsync(verify(server, a, prompt.length),
                    HttpResponse.BodyHandlers.ofString());
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!server.metrics().scrape().contains("configspec_decode_queue_depth 1.0")
                    && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            HttpResponse<String> second = http.send(verify(server, b, prompt.length),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(second.statusCode()).as(second.body()).isEqualTo(429);
            assertThat(second.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(Json.mapper().readValue(second.body(), ErrorBody.class).error()).contains("--max-queue");
            assertThat(first.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            assertThat(server.metrics().rejectedCount(429)).isEqualTo(1);
            assertThat(server.metrics().scrape()).contains("configspec_rejected_requests_total{status=\"429\"} 1.0")
                    .contains("configspec_decode_queue_depth 0.0");
            assertThat(server.metrics().decodeBusySeconds()).isPositive();
        }
    }

    @Test
    void headersTricklingInAreCutOffAtTheHeaderDeadline() throws Exception {
        VerifierConfig config = ServeFixture.verifierConfig().withLimits(ServerLimits.defaults()
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(10), 16 * 1024));
        try (VerifierServer server = VerifierServer.start(config, ServeFixture.target());
             RawHttp raw = new RawHttp(server.url(), 60_000)) {
            raw.send("GET /healthz HTTP/1.1\r\n");
            boolean closed = false;
            // a header byte every 300 ms keeps the connection far from idle; 60 s of it would be 200 bytes
            for (int i = 0; i < 200 && !closed; i++) {
                Thread.sleep(300);
                try {
                    raw.send("X");
                } catch (java.io.IOException e) {
                    closed = true;
                }
            }
            assertThat(closed).as("connection closed before the headers ended").isTrue();
        }
    }

    private static String create(HttpClient http, VerifierServer server, int[] prompt) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/v1/sessions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":" + Arrays.toString(prompt) + "}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return Json.mapper().readTree(r.body()).get("session").asText();
    }

    private static HttpRequest verify(VerifierServer server, String session, int position) {
        return HttpRequest.newBuilder(URI.create(server.url() + "/v1/sessions/" + session + "/verify"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString("{\"position\":" + position + ",\"draft\":[1,2]}")).build();
    }
}

package org.configspec.serve.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.configspec.llm.NeedsLlama;
import org.configspec.serve.ServeFixture;
import org.configspec.serve.client.FixedK;
import org.configspec.serve.protocol.ErrorBody;
import org.configspec.serve.protocol.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Bad, hostile or unauthenticated requests get a 4xx JSON error, and the server keeps verifying correctly. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
@NeedsLlama
class RequestHardeningTest {
    private static final String TOKEN = "s3cret-token";
    private static GuardedVerifier verifier;
    private static VerifierServer server;
    private static String session;
    private static int promptLength;

    @BeforeAll
    static void start() throws Exception {
        verifier = GuardedVerifier.start(TOKEN);
        server = verifier.server;
        session = verifier.session;
        promptLength = verifier.promptLength;
    }

    @AfterAll
    static void stop() {
        verifier.close();
    }

    private static HttpResponse<String> post(String path, String body, String token) throws Exception {
        return send(path, "POST", body.getBytes(StandardCharsets.UTF_8), token);
    }

    private static HttpResponse<String> send(String path, String method, byte[] body, String token) throws Exception {
        return verifier.send(method, path, body, body == null ? null : "application/json",
                token == null ? null : "Bearer " + token);
    }

    private static void assertJsonError(HttpResponse<String> r, int status, String what) throws Exception {
        assertThat(r.statusCode()).as(what + ": " + r.body()).isEqualTo(status);
        ErrorBody e = Json.mapper().readValue(r.body(), ErrorBody.class);
        assertThat(e.status()).isEqualTo(status);
        assertThat(e.error()).as(what).isNotBlank().doesNotContain("\n");
    }

    @Test
    void missingOrWrongBearerTokenIs401() throws Exception {
        assertJsonError(post("/v1/sessions", "{\"text\":\"Hi\"}", null), 401, "no token");
        assertJsonError(post("/v1/sessions", "{\"text\":\"Hi\"}", "wrong"), 401, "wrong token");
        assertJsonError(post("/v1/sessions/" + session + "/verify", "{\"position\":5,\"draft\":[]}", "wrong"), 401,
                "verify with a wrong token");
        assertJsonError(send("/metrics", "GET", null, null), 401, "metrics without a token");
        assertThat(send("/healthz", "GET", null, null).statusCode()).isEqualTo(200);
        assertThat(send("/metrics", "GET", null, TOKEN).body()).contains("configspec_verify_rounds_total")
                .contains("configspec_position_accepted_total{position=\"1\"}")
                .contains("configspec_position_drafted_total{position=\"16\"}")
                .contains("configspec_verify_latency_seconds_bucket").contains("configspec_batch_size_bucket")
                .contains("configspec_rejected_requests_total{status=\"401\"}");
    }

    @Test
    void aThousandMalformedRequestsAreEach4xxAndTheServerStillVerifiesCorrectly() throws Exception {
        Random random = new Random(42);
        String verify = "/v1/sessions/" + session + "/verify";
        int[] counts = new int[600];
        for (int i = 0; i < 1000; i++) {
            HttpResponse<String> r;
            String what;
            switch (i % 10) {
                case 0 -> {
                    byte[] junk = new byte[1 + random.nextInt(300)];
                    random.nextBytes(junk);
                    what = "random bytes";
                    r = send(verify, "POST", junk, TOKEN);
                }
                case 1 -> {
                    what = "truncated JSON";
                    r = post(verify, "{\"position\": " + promptLength + ", \"draft\": [1, 2", TOKEN);
                }
                case 2 -> {
                    what = "wrong types";
                    r = post(verify, random.nextBoolean() ? "{\"position\":\"five\",\"draft\":[1]}"
                            : "{\"position\":5,\"draft\":\"abc\"}", TOKEN);
                }
                case 3 -> {
                    what = "huge K";
                    int[] draft = new int[17 + random.nextInt(2000)];
                    r = post(verify, "{\"position\":" + promptLength + ",\"draft\":" + java.util.Arrays.toString(draft)
                            + "}", TOKEN);
                }
                case 4 -> {
                    what = "unknown session";
                    r = post("/v1/sessions/nope" + i + "/verify", "{\"position\":5,\"draft\":[1]}", TOKEN);
                }
                case 5 -> {
                    what = "oversized body";
                    byte[] big = new byte[(1 << 20) + 10 + random.nextInt(1000)];
                    java.util.Arrays.fill(big, (byte) ' ');
                    r = send(verify, "POST", big, TOKEN);
                }
                case 6 -> {
                    what = "token id outside the vocabulary / negative / position ahead";
                    r = post(verify, switch (random.nextInt(3)) {
                        case 0 -> "{\"position\":" + promptLength + ",\"draft\":[32000]}";
                        case 1 -> "{\"position\":" + promptLength + ",\"draft\":[-1]}";
                        default -> "{\"position\":" + (promptLength + 1000) + ",\"draft\":[1]}";
                    }, TOKEN);
                }
                case 7 -> {
                    what = "bad session requests";
                    r = post("/v1/sessions", switch (random.nextInt(4)) {
                        case 0 -> "{}";
                        case 1 -> "{\"prompt\":[],\"text\":\"x\"}";
                        case 2 -> "{\"prompt\":[1,99999]}";
                        default -> "{\"text\":\"hi\",\"temperature\":-1}";
                    }, TOKEN);
                }
                case 8 -> {
                    what = "unknown fields, nulls, JSON null, arrays";
                    r = post(verify, switch (random.nextInt(4)) {
                        case 0 -> "{\"position\":5,\"draft\":[1],\"extra\":1}";
                        case 1 -> "{\"position\":null,\"draft\":[1]}";
                        case 2 -> "null";
                        default -> "[1,2,3]";
                    }, TOKEN);
                }
                default -> {
                    what = "no route / wrong method";
                    r = random.nextBoolean() ? send("/v1/nothing", "GET", null, TOKEN)
                            : send("/v1/sessions", "GET", null, TOKEN);
                }
            }
            assertThat(r.statusCode()).as("request %d (%s): %s", i, what, r.body()).isBetween(400, 499);
            assertThat(r.body()).as("request %d (%s)", i, what).startsWith("{").contains("\"error\"");
            counts[r.statusCode()]++;
        }
        System.out.printf("1000 malformed requests: 400 x%d, 404 x%d, 405 x%d, 409 x%d, 413 x%d%n", counts[400],
                counts[404], counts[405], counts[409], counts[413]);
        assertThat(send("/healthz", "GET", null, null).statusCode()).isEqualTo(200);
        int[] prompt = ServeFixture.tokens(ServeFixture.PROMPT);
        try (var t = new org.configspec.serve.client.HttpVerifierTransport(server.url(), TOKEN, Duration.ofSeconds(20))) {
            var r = new org.configspec.serve.client.EdgeClient(ServeFixture.model(ServeFixture.L5), t,
                    ServeFixture.clientOptions(), null).run(prompt, 24, new FixedK(4), null);
            assertThat(r.tokens()).containsExactly(ServeFixture.greedy(prompt, 24));
        }
    }
}

package org.configspec.serve.verifier;

import org.configspec.llm.NeedsLlama;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.configspec.serve.http.RawHttp;
import org.configspec.serve.protocol.ErrorBody;
import org.configspec.serve.protocol.Json;
import org.configspec.serve.protocol.VerifyResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What reaches the verifier over a real loopback socket before any route runs: the token (any case of the scheme),
 * the content type (no CORS simple requests), methods (405 with Allow), sizes (413 before reading or tokenising),
 * and faults of the client (400, counted as such) or of the request's framing (Jetty's errors, as JSON).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@NeedsLlama
class FrontDoorTest {
    private static final String TOKEN = "front-door-token";
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

    private static HttpResponse<String> send(String method, String path, String body, String type, String auth)
            throws Exception {
        return verifier.send(method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8), type, auth);
    }

    private static void assertJsonError(int status, String answer, String what) throws Exception {
        ErrorBody e = Json.mapper().readValue(answer, ErrorBody.class);
        assertThat(e.status()).as(what).isEqualTo(status);
        assertThat(e.error()).as(what).isNotBlank().doesNotContain("\n");
    }

    private static double counted(int status) {
        return server.metrics().rejectedCount(status);
    }

    @Test
    void theBearerSchemeIsCaseInsensitive() throws Exception {
        String verify = "/v1/sessions/" + session + "/verify";
        String body = "{\"position\":" + promptLength + ",\"draft\":[]}";
        for (String scheme : new String[] {"Bearer", "bearer", "BEARER"}) {
            HttpResponse<String> r = send("POST", verify, body, "application/json", scheme + " " + TOKEN);
            assertThat(r.statusCode()).as(scheme + ": " + r.body()).isEqualTo(200);
        }
        HttpResponse<String> wrong = send("POST", verify, body, "application/json", "bearer " + TOKEN.toUpperCase());
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertJsonError(401, wrong.body(), "wrong token");
    }

    @Test
    void postBodiesThatAreNotJsonAre415() throws Exception {
        for (String type : new String[] {"text/plain", "text/plain;charset=UTF-8", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "application/jsonx"}) {
            HttpResponse<String> r = send("POST", "/v1/sessions", "{\"text\":\"Hi\"}", type, "Bearer " + TOKEN);
            assertThat(r.statusCode()).as(type).isEqualTo(415);
            assertJsonError(415, r.body(), type);
        }
        HttpResponse<String> none = send("POST", "/v1/sessions", "{\"text\":\"Hi\"}", null, "Bearer " + TOKEN);
        assertThat(none.statusCode()).isEqualTo(415);
        HttpResponse<String> charset = send("POST", "/v1/sessions/" + session + "/verify", "{\"position\":"
                + promptLength + ",\"draft\":[]}", "Application/JSON; charset=utf-8", "Bearer " + TOKEN);
        assertThat(charset.statusCode()).as(charset.body()).isEqualTo(200);
    }

    @Test
    void aWrongMethodIs405WithAllow() throws Exception {
        String auth = "Bearer " + TOKEN;
        HttpResponse<String> list = send("GET", "/v1/sessions", null, null, auth);
        assertThat(list.statusCode()).isEqualTo(405);
        assertThat(list.headers().firstValue("Allow")).hasValue("POST");
        assertJsonError(405, list.body(), "GET /v1/sessions");
        HttpResponse<String> put = send("PUT", "/v1/sessions/" + session, null, null, auth);
        assertThat(put.statusCode()).isEqualTo(405);
        assertThat(put.headers().firstValue("Allow")).hasValue("DELETE");
        HttpResponse<String> getVerify = send("GET", "/v1/sessions/" + session + "/verify", null, null, auth);
        assertThat(getVerify.statusCode()).isEqualTo(405);
        assertThat(getVerify.headers().firstValue("Allow")).hasValue("POST");
        HttpResponse<String> postHealth = send("POST", "/healthz", null, null, auth);
        assertThat(postHealth.statusCode()).isEqualTo(405);
        assertThat(postHealth.headers().firstValue("Allow")).hasValue("GET");
        assertThat(send("GET", "/v1/nothing", null, null, auth).statusCode()).isEqualTo(404);
    }

    /**
     * The verify request is served on Jetty's API ({@link VerifyRoute}) and, in a form that route leaves alone (a
     * trailing slash), by the Javalin route: the same verify (idempotent by position) gets the same answer and the
     * same refusals from both, as JSON, each refusal counted once.
     */
    @Test
    void theVerifyRouteAndTheJavalinRouteAnswerAlike() throws Exception {
        String auth = "Bearer " + TOKEN;
        String body = "{\"position\":" + promptLength + ",\"draft\":[1,2],\"draftProbs\":null}";
        for (String path : new String[] {"/v1/sessions/" + session + "/verify", "/v1/sessions/" + session + "/verify/"}) {
            HttpResponse<String> ok = send("POST", path, body, "application/json", auth);
            assertThat(ok.statusCode()).as(path).isEqualTo(200);
            assertThat(ok.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/json"));
            VerifyResponse answer = Json.read(ok.body().getBytes(StandardCharsets.UTF_8), VerifyResponse.class);
            assertThat(answer.position()).as(path).isEqualTo(promptLength + answer.accepted() + 1);
            assertThat(answer.accepted()).as(path).isBetween(0, 2);

            double unknown = counted(404);
            HttpResponse<String> gone = send("POST", "/v1/sessions/no-such-session/verify" + (path.endsWith("/") ? "/"
                    : ""), body, "application/json", auth);
            assertThat(gone.statusCode()).as(path).isEqualTo(404);
            assertJsonError(404, gone.body(), path);
            assertThat(counted(404)).as(path).isEqualTo(unknown + 1);

            double bad = counted(400);
            HttpResponse<String> refused = send("POST", path, "{\"position\":0,\"draft\":[]}", "application/json",
                    auth);
            assertThat(refused.statusCode()).as(path).isEqualTo(400);
            assertJsonError(400, refused.body(), path);
            assertThat(Json.mapper().readValue(refused.body(), ErrorBody.class).error()).contains("'position' = 0");
            assertThat(counted(400)).as(path).isEqualTo(bad + 1);
        }
    }

    @Test
    void expectContinueWithAHugeLengthIsAnImmediate413WithoutContinue() throws Exception {
        try (RawHttp raw = new RawHttp(server.url(), 10_000)) {
            String answer = raw.send("POST /v1/sessions HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + TOKEN
                    + "\r\nContent-Type: application/json\r\nContent-Length: 1099511627776\r\n"
                    + "Expect: 100-continue\r\n\r\n").readAll(4096);
            assertThat(answer).doesNotContain("100 Continue");
            assertThat(RawHttp.status(answer)).as(answer).isEqualTo(413);
            assertJsonError(413, RawHttp.body(answer), "1 TiB");
        }
    }

    @Test
    void aPromptTextLongerThanTheContextCouldHoldIs413BeforeTokenising() throws Exception {
        String text = "Once upon a time ".repeat(60_000);
        HttpResponse<String> r = send("POST", "/v1/sessions", Json.mapper().writeValueAsString(
                java.util.Map.of("text", text)), "application/json", "Bearer " + TOKEN);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(413);
        assertThat(Json.mapper().readValue(r.body(), ErrorBody.class).error()).contains("'text' of 1020000 bytes")
                .contains("more than the 255 tokens");
    }

    @Test
    void malformedChunkedEncodingIs400AsJsonNotAnInternalError() throws Exception {
        double internal = counted(500);
        try (RawHttp raw = new RawHttp(server.url(), 10_000)) {
            String answer = raw.send("POST /v1/sessions HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + TOKEN
                    + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "5\r\n{\"tex\r\nZZZ-not-hex\r\n").readAll(4096);
            assertThat(RawHttp.status(answer)).as(answer).isEqualTo(400);
            assertJsonError(400, RawHttp.body(answer), "bad chunk");
        }
        assertThat(counted(500)).isEqualTo(internal);
    }

    @Test
    void aClientThatHangsUpMidBodyIsCountedAs400NotAsAnInternalError() throws Exception {
        double internal = counted(500);
        double bad = counted(400);
        try (RawHttp raw = new RawHttp(server.url(), 10_000)) {
            raw.send("POST /v1/sessions HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + TOKEN
                    + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"text\":");
            Thread.sleep(200);
        }
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (counted(400) == bad && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        assertThat(counted(400)).isEqualTo(bad + 1);
        assertThat(counted(500)).isEqualTo(internal);
    }

    @Test
    void jettysOwnErrorsAreTheJsonErrorBody() throws Exception {
        try (RawHttp raw = new RawHttp(server.url(), 10_000)) {
            String answer = raw.send("GARBAGE\r\n\r\n").readAll(4096);
            assertThat(RawHttp.status(answer)).as(answer).isEqualTo(400);
            assertThat(answer).containsIgnoringCase("content-type: application/json").doesNotContain("<html");
            assertJsonError(400, RawHttp.body(answer), "garbage request line");
        }
        try (RawHttp raw = new RawHttp(server.url(), 10_000)) {
            String answer = raw.send("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(64 * 1024)
                    + "\r\n\r\n").readAll(4096);
            assertThat(RawHttp.status(answer)).as(answer).isEqualTo(431);
            assertThat(answer).doesNotContain("<html");
            assertJsonError(431, RawHttp.body(answer), "headers too large");
        }
    }

    @Test
    void healthzNeedsNoTokenAndMetricsShowTheOverloadMeters() throws Exception {
        assertThat(send("GET", "/healthz", null, null, null).statusCode()).isEqualTo(200);
        String metrics = send("GET", "/metrics", null, null, "bearer " + TOKEN).body();
        assertThat(metrics).contains("configspec_decode_queue_depth").contains("configspec_requests_in_flight")
                .contains("configspec_open_connections").contains("configspec_decode_busy_seconds_total")
                .contains("configspec_batch_wait_seconds_bucket");
        assertThat(new String(Json.write(new ErrorBody(400, "x")), StandardCharsets.UTF_8)).contains("\"status\"");
    }
}

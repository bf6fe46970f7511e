package org.configspec.serve.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.configspec.llm.NeedsLlama;
import org.configspec.serve.HttpGet;
import org.configspec.serve.ServeFixture;
import org.configspec.serve.protocol.ErrorBody;
import org.configspec.serve.protocol.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Coverage-guided fuzzing of a real {@link VerifierServer} on loopback with the real stories15M target: any body
 * POSTed to {@code /v1/sessions} or to a live session's {@code /verify} is answered below 500, and every 4xx is the
 * JSON {@link ErrorBody} with one line; a 5xx, a non-JSON error or a hang is a finding. Sessions the fuzzer creates
 * are deleted again so the session table never fills. Input format as in
 * {@code org.configspec.serve.protocol.ProtocolJsonFuzzTest} (first byte odd: a session request; even: a verify);
 * the build replays src/test/resources/org/configspec/serve/verifier/VerifierHttpFuzzTestInputs.
 */
@NeedsLlama
class VerifierHttpFuzzTest {
    private static VerifierServer server;
    private static HttpClient http;
    private static String verifyPath;

    @BeforeAll
    static void start() throws Exception {
        http = HttpGet.client();
        server = VerifierServer.start(ServeFixture.verifierConfig(), ServeFixture.target());
        int[] prompt = ServeFixture.tokens(ServeFixture.PROMPT);
        HttpResponse<String> r = post("/v1/sessions", ("{\"prompt\":" + Arrays.toString(prompt) + "}")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        verifyPath = "/v1/sessions/" + Json.mapper().readTree(r.body()).get("session").asText() + "/verify";
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> post(String path, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url() + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @FuzzTest(maxDuration = "60s")
    void anyBodyIsAnsweredBelow500(byte[] input) throws Exception {
        boolean session = input.length > 0 && (input[0] & 1) == 1;
        byte[] body = input.length == 0 ? input : Arrays.copyOfRange(input, 1, input.length);
        HttpResponse<String> r = post(session ? "/v1/sessions" : verifyPath, body);
        assertThat(r.statusCode()).as(r.body()).isBetween(200, 499);
        if (r.statusCode() >= 400) {
            ErrorBody e = Json.mapper().readValue(r.body(), ErrorBody.class);
            assertThat(e.status()).isEqualTo(r.statusCode());
            assertThat(e.error()).isNotBlank().doesNotContain("\n");
        } else if (session) {
            String id = Json.mapper().readTree(r.body()).get("session").asText();
            HttpResponse<String> d = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/v1/sessions/" + id))
                    .timeout(Duration.ofSeconds(30)).DELETE().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(d.statusCode()).as(d.body()).isBetween(200, 299);
        }
    }
}

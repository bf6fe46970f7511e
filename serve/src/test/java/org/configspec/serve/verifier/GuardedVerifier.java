package org.configspec.serve.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import org.configspec.serve.HttpGet;
import org.configspec.serve.ServeFixture;
import org.configspec.serve.protocol.Json;

/**
 * A real verifier of the test target that requires a bearer token, with one greedy session already open on
 * {@link ServeFixture#PROMPT}, and a plain HTTP client to knock at its front door (FrontDoorTest,
 * RequestHardeningTest).
 */
final class GuardedVerifier implements AutoCloseable {
    final VerifierServer server;
    final String session;
    final int promptLength;
    private final HttpClient http = HttpGet.client();

    private GuardedVerifier(String token) throws Exception {
        server = VerifierServer.start(ServeFixture.verifierConfig().withToken(token), ServeFixture.target());
        int[] prompt = ServeFixture.tokens(ServeFixture.PROMPT);
        promptLength = prompt.length;
        HttpResponse<String> r = send("POST", "/v1/sessions", ("{\"prompt\":" + Arrays.toString(prompt) + "}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/json", "Bearer " + token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        session = Json.mapper().readTree(r.body()).get("session").asText();
    }

    static GuardedVerifier start(String token) throws Exception {
        return new GuardedVerifier(token);
    }

    /** One request; a null body, content type or Authorization header is left out. */
    HttpResponse<String> send(String method, String path, byte[] body, String type, String auth) throws Exception {
        return send(method, path, body, type, auth, new String[0]);
    }

    /** As {@link #send(String, String, byte[], String, String)}, with more headers (name, value, ...). */
    HttpResponse<String> send(String method, String path, byte[] body, String type, String auth, String... headers)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + path)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (type != null) {
            b.header("Content-Type", type);
        }
        if (auth != null) {
            b.header("Authorization", auth);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        server.close();
    }
}

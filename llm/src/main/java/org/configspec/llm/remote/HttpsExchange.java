package org.configspec.llm.remote;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * {@link Exchange} for an https endpoint (a hosted API) over the JDK client, which brings TLS with the platform's
 * trust store and hostname checks; llm/http speaks plain HTTP only. Built only for https URLs, so a local engine never
 * pays the client's start-up. Follows redirects, except from https to http.
 */
final class HttpsExchange implements Exchange {
    private final HttpClient client;
    private final Duration timeout;

    HttpsExchange(Endpoint endpoint) {
        this.timeout = endpoint.timeout();
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL)
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    @Override
    public Reply send(URI uri, String body, String apiKey) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json");
        if (apiKey != null) {
            b.header("Authorization", "Bearer " + apiKey);
        }
        HttpRequest request = body == null ? b.GET().build() : b.header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Reply(r.statusCode(), r.body(), r.headers().firstValue("Retry-After").orElse(null),
                r.headers().firstValue("Location").orElse(null));
    }

    @Override
    public void close() {
        // java.net.http.HttpClient closes itself on Java 17 when unreachable (close() arrived in Java 21)
    }
}

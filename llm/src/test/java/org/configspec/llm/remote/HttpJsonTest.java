package org.configspec.llm.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.llm.remote.RemoteTargetException.Reason;
import org.configspec.llm.remote.ScriptedServer.Answer;
import org.junit.jupiter.api.Test;

/**
 * The HTTP rules every adapter shares: 429/5xx retried with the policy's back-off (or the server's Retry-After,
 * bounded), other 4xx never retried and quoted, and every failure one line; plus the endpoint's own checks.
 */
class HttpJsonTest {
    private static final RetryPolicy THREE = new RetryPolicy(3, Duration.ofMillis(100), 2, Duration.ofMillis(250));

    private static Endpoint at(URI url, RetryPolicy r) {
        return new Endpoint(url, TargetApi.LLAMA_SERVER, null, null, Duration.ofSeconds(10), r);
    }

    /** A loopback port nothing listens on (it was free a moment ago). */
    private static int closedPort() throws java.io.IOException {
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return free.getLocalPort();
        }
    }

    @Test
    void fiveHundredsAndRateLimitsAreRetriedWithGrowingBoundedBackoff() {
        List<Duration> waits = new ArrayList<>();
        try (ScriptedServer s = new ScriptedServer().on("GET /props", Answer.status(503, "{\"error\":\"busy\"}"),
                Answer.status(429, "{\"error\":{\"message\":\"slow down\"}}"), Answer.ok("{\"ok\":true}"))) {
            HttpJson http = new HttpJson(at(s.url(), THREE), null, waits::add);
            assertThat(http.get("/props").path("ok").asBoolean()).isTrue();
            assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
            assertThat(s.received()).hasSize(3);
        }
    }

    @Test
    void retryAfterIsHonouredUpToTheBound() {
        List<Duration> waits = new ArrayList<>();
        try (ScriptedServer s = new ScriptedServer().on("GET /props",
                new Answer(429, "{}", Map.of("Retry-After", "60")), Answer.ok("{}"))) {
            new HttpJson(at(s.url(), THREE), null, waits::add).get("/props");
            assertThat(waits).containsExactly(Duration.ofMillis(250));
        }
    }

    @Test
    void givesUpAfterTheAttemptsWithTheStatusAndTheServersMessage() {
        try (ScriptedServer s = new ScriptedServer().on("POST /completion",
                Answer.status(500, "{\"error\":{\"code\":500,\"message\":\"slot\\nunavailable\"}}"))) {
            HttpJson http = new HttpJson(at(s.url(), THREE), null, d -> { });
            assertThatThrownBy(() -> http.post("/completion", Requests.object()))
                    .isInstanceOfSatisfying(RemoteTargetException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.SERVER_ERROR);
                        assertThat(e.getMessage()).isEqualTo("POST " + s.url() + "/completion: 500 after 3 "
                                + "attempt(s): \"slot unavailable\"");
                    });
            assertThat(s.received()).hasSize(3);
        }
    }

    @Test
    void aClientErrorIsNeverRetriedAndQuotesTheServer() {
        List<Duration> waits = new ArrayList<>();
        try (ScriptedServer s = new ScriptedServer().on("POST /completion", Answer.status(400,
                "{\"error\":{\"code\":400,\"message\":\"Only no echo is supported\",\"type\":\"invalid_request_error\"}}"))) {
            HttpJson http = new HttpJson(at(s.url(), THREE), null, waits::add);
            assertThatThrownBy(() -> http.post("/completion", Requests.object()))
                    .isInstanceOfSatisfying(RemoteTargetException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.REFUSED);
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.getMessage()).endsWith("400 refused: \"Only no echo is supported\"");
                    });
            assertThat(s.received()).hasSize(1);
            assertThat(waits).isEmpty();
        }
    }

    @Test
    void aBodyThatIsNotJsonIsAWrongShapeQuotingIt() {
        try (ScriptedServer s = new ScriptedServer().on("GET /props", Answer.ok("<html>proxy login</html>"))) {
            assertThatThrownBy(() -> new HttpJson(at(s.url(), THREE), null).get("/props"))
                    .isInstanceOfSatisfying(RemoteTargetException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.BAD_RESPONSE);
                        assertThat(e.getMessage()).contains("answer is not JSON").contains("proxy login");
                    });
        }
    }

    @Test
    void aServerThatIsDownIsOneLineWithTheUrl() throws Exception {
        int port = closedPort();
        Endpoint e = Endpoint.of("http://127.0.0.1:" + port, TargetApi.AUTO, null, null).withRetry(THREE);
        assertThatThrownBy(() -> RemoteTargets.open(e, Map.of()))
                .isInstanceOfSatisfying(RemoteTargetException.class, x -> {
                    assertThat(x.reason()).isEqualTo(Reason.DOWN);
                    assertThat(x.getMessage()).startsWith("GET http://127.0.0.1:" + port + "/props: cannot connect")
                            .contains("is the server running").doesNotContain("\n");
                });
    }

    @Test
    void aRedirectOverHttpIsNotFollowedAndNamesItsTarget() {
        try (ScriptedServer s = new ScriptedServer().on("GET /props",
                new Answer(307, "", Map.of("Location", "http://127.0.0.1:1/elsewhere/props")))) {
            assertThatThrownBy(() -> new HttpJson(at(s.url(), THREE), null).get("/props"))
                    .isInstanceOfSatisfying(RemoteTargetException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.REFUSED);
                        assertThat(e.getMessage()).isEqualTo("GET " + s.url() + "/props: 307 redirect to "
                                + "'http://127.0.0.1:1/elsewhere/props', not followed; give the server's own URL"
                                + " with --url");
                    });
            assertThat(s.received()).hasSize(1);
        }
    }

    @Test
    void aServerThatAcceptsButNeverAnswersIsATimeoutAfterTheEndpointsTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Endpoint e = new Endpoint(URI.create("http://127.0.0.1:" + silent.getLocalPort()), TargetApi.LLAMA_SERVER,
                    null, null, Duration.ofSeconds(1), THREE);
            assertThatThrownBy(() -> new HttpJson(e, null, d -> { }).get("/props"))
                    .isInstanceOfSatisfying(RemoteTargetException.class, x -> {
                        assertThat(x.reason()).isEqualTo(Reason.TIMEOUT);
                        assertThat(x.getMessage()).isEqualTo("GET http://127.0.0.1:" + silent.getLocalPort()
                                + "/props: no answer within 1 s");
                    });
        }
    }

    @Test
    void anHttpsUrlIsStillAcceptedAndSentThroughTheJdkClient() throws Exception {
        int port = closedPort();
        Endpoint e = new Endpoint(URI.create("https://127.0.0.1:" + port), TargetApi.OPENAI, null, null,
                Duration.ofSeconds(5), THREE);
        assertThat(Exchange.to(e)).isInstanceOf(HttpsExchange.class);
        assertThat(Exchange.to(at(URI.create("http://127.0.0.1:" + port), THREE))).isInstanceOf(SocketExchange.class);
        assertThatThrownBy(() -> new HttpJson(e, null, d -> { }).get("/v1/models"))
                .isInstanceOfSatisfying(RemoteTargetException.class, x -> {
                    assertThat(x.reason()).isEqualTo(Reason.DOWN);
                    assertThat(x.getMessage()).startsWith("GET https://127.0.0.1:" + port + "/v1/models: cannot"
                            + " connect");
                });
    }

    @Test
    void aUrlWhereNoKnownApiAnswersSaysWhatWasTried() {
        try (ScriptedServer s = new ScriptedServer()) {
            assertThatThrownBy(() -> RemoteTargets.open(Endpoint.of(s.url() + "/wrong", TargetApi.AUTO, null, null),
                    Map.of())).isInstanceOfSatisfying(RemoteTargetException.class, x -> {
                        assertThat(x.reason()).isEqualTo(Reason.NOT_FOUND);
                        assertThat(x.getMessage()).contains("no known serving API answered").contains("/props")
                                .contains("/v1/models").contains(s.url() + "/wrong");
                    });
            assertThatThrownBy(() -> RemoteTargets.open(Endpoint.of(s.url().toString(), TargetApi.SGLANG, null,
                    null), Map.of())).isInstanceOfSatisfying(RemoteTargetException.class,
                    x -> assertThat(x.getMessage()).contains("/get_model_info: 404 not found"));
        }
    }

    @Test
    void endpointsRefuseBadUrlsAndVariableNamesAndDropATrailingV1() {
        assertThat(Endpoint.of("http://h:8000/v1/", TargetApi.VLLM, "", null).url())
                .isEqualTo(URI.create("http://h:8000"));
        assertThat(Endpoint.of("http://h:8000/v1/", TargetApi.VLLM, "", null).model()).isNull();
        assertThatThrownBy(() -> Endpoint.of("ftp://h/x", TargetApi.AUTO, null, null))
                .isInstanceOf(ConfigSpecException.class).hasMessageContaining("not an http(s) URL");
        assertThatThrownBy(() -> Endpoint.of("http://h:80 80", TargetApi.AUTO, null, null))
                .hasMessageContaining("malformed URL");
        assertThatThrownBy(() -> Endpoint.of("http://h", TargetApi.AUTO, null, "MY-KEY"))
                .hasMessageContaining("--api-key-env = 'MY-KEY': not an environment variable name");
        assertThat(TargetApi.parse("LLAMA-SERVER", "--api")).isEqualTo(TargetApi.LLAMA_SERVER);
        assertThatThrownBy(() -> TargetApi.parse("tgi", "--api"))
                .hasMessage("--api = 'tgi': not an API; allowed: auto, llama-server, vllm, sglang, openai");
        assertThatThrownBy(() -> Endpoint.of("http://h", TargetApi.AUTO, null, "MY_KEY")
                .apiKey(Map.of("MY_KEY", "sk-1\r\nX-Injected: 1")))
                .hasMessage("--api-key-env MY_KEY: the key contains control characters; allowed: printable text");
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, 1, Duration.ZERO))
                .hasMessage("retry attempts = 0: allowed 1..20");
    }
}

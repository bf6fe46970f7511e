package org.configspec.serve.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.configspec.llm.NeedsLlama;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The server's warm-up of its request path over loopback: every request it sends passes the token and reaches the
 * verify route, nothing of it is counted as a refusal, and the warm-up header does not hide a refusal without the
 * server's key; the server then verifies as before.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@NeedsLlama
class RequestWarmUpTest {
    private static final String TOKEN = "warm-up-token";

    @Test
    void theWarmUpReachesTheVerifyRouteUncountedAndOnlyWithTheServersKey() throws Exception {
        try (GuardedVerifier v = GuardedVerifier.start(TOKEN)) {
            VerifierServer server = v.server;
            RequestWarmUp.Result warm = server.warmUp(Duration.ofSeconds(60));
            assertThat(warm.requests()).as("every /healthz and refused verify of the warm-up was answered as expected")
                    .isEqualTo(RequestWarmUp.HEALTH + RequestWarmUp.VERIFIES);
            assertThat(server.metrics().rejectedCount(404)).as("warm-up refusals counted").isZero();
            assertThat(server.metrics().rejectedCount(401)).as("warm-up requests refused by the gate").isZero();

            String body = "{\"position\":5,\"draft\":[1],\"draftProbs\":null}";
            HttpResponse<String> forged = v.send("POST", "/v1/sessions/warm-up/verify",
                    body.getBytes(StandardCharsets.UTF_8), "application/json", "Bearer " + TOKEN,
                    VerifierServer.WARM_UP_HEADER, "not-the-key");
            assertThat(forged.statusCode()).isEqualTo(404);
            assertThat(server.metrics().rejectedCount(404)).as("a refusal with a wrong warm-up key is counted")
                    .isEqualTo(1);

            String verify = "{\"position\":" + v.promptLength + ",\"draft\":[],\"draftProbs\":null}";
            HttpResponse<String> ok = v.send("POST", "/v1/sessions/" + v.session + "/verify",
                    verify.getBytes(StandardCharsets.UTF_8), "application/json", "Bearer " + TOKEN);
            assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        }
    }

    @Test
    void aZeroBudgetSendsNothing() throws Exception {
        try (GuardedVerifier v = GuardedVerifier.start(TOKEN)) {
            assertThat(v.server.warmUp(Duration.ZERO).requests()).isZero();
        }
    }
}

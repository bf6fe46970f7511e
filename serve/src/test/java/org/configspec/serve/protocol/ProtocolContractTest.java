package org.configspec.serve.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The records, the strict JSON mapper and openapi.json agree; bad values are one-line 400s naming the field. */
class ProtocolContractTest {

    @Test
    void openApiSchemasNameExactlyTheRecordComponents() throws Exception {
        JsonNode schemas;
        try (InputStream in = Json.class.getResourceAsStream("/openapi.json")) {
            schemas = Json.mapper().readTree(in).at("/components/schemas");
        }
        for (Class<?> c : List.of(SessionRequest.class, SessionResponse.class, VerifyRequest.class,
                VerifyResponse.class, SparseDistribution.class, ErrorBody.class)) {
            List<String> fields = new ArrayList<>();
            schemas.get(c.getSimpleName()).get("properties").fieldNames().forEachRemaining(fields::add);
            assertThat(fields).as(c.getSimpleName()).containsExactlyInAnyOrderElementsOf(
                    Arrays.stream(c.getRecordComponents()).map(r -> r.getName()).toList());
        }
    }

    @Test
    void requestsRoundTripThroughJson() {
        VerifyRequest v = new VerifyRequest(5, new int[] {1, 2}, List.of(
                new SparseDistribution(new int[] {1, 3}, new float[] {0.5f, 0.5f}),
                new SparseDistribution(new int[] {2}, new float[] {1f})));
        VerifyRequest back = Json.read(Json.write(v), VerifyRequest.class);
        assertThat(back.draft()).containsExactly(1, 2);
        assertThat(back.draftProbs()).isEqualTo(v.draftProbs());
        SessionRequest s = Json.read("{\"text\":\"hi\",\"temperature\":0.8,\"seed\":3}".getBytes(StandardCharsets.UTF_8),
                SessionRequest.class);
        assertThat(s.greedyAcceptance()).isFalse();
    }

    @Test
    void badRequestsAreOneLine400sNamingTheField() {
        assertBad("{\"position\":0,\"draft\":[]}", VerifyRequest.class, "'position'");
        assertBad("{\"position\":\"5\",\"draft\":[]}", VerifyRequest.class, "position");
        assertBad("{\"position\":5}", VerifyRequest.class, "'draft'");
        assertBad("{\"position\":5,\"draft\":[1],\"draftProbs\":[]}", VerifyRequest.class, "'draftProbs'");
        assertBad("{\"position\":5,\"draft\":[1],\"draftProbs\":[{\"ids\":[2],\"probs\":[1]}]}", VerifyRequest.class,
                "probability 0");
        assertBad("{\"position\":5,\"draft\":[1],\"draftProbs\":[{\"ids\":[1],\"probs\":[1.5]}]}", VerifyRequest.class,
                "outside (0, 1]");
        assertBad("{\"prompt\":[1],\"text\":\"x\"}", SessionRequest.class, "exactly one");
        assertBad("{\"text\":\"x\",\"topP\":0}", SessionRequest.class, "'topP'");
        assertBad("{\"text\":\"x\",\"bogus\":1}", SessionRequest.class, "bogus");
        assertBad("", SessionRequest.class, "empty body");
        assertBad("null", SessionRequest.class, "null");
        assertBad("{\"text\":\"x\"} trailing", SessionRequest.class, "JSON");
    }

    private static void assertBad(String body, Class<?> type, String mentions) {
        assertThatThrownBy(() -> Json.read(body.getBytes(StandardCharsets.UTF_8), type))
                .isInstanceOf(ProtocolException.class)
                .satisfies(e -> assertThat(((ProtocolException) e).status()).isEqualTo(400))
                .hasMessageContaining(mentions)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}

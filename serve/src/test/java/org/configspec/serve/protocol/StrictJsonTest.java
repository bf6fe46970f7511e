package org.configspec.serve.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The protocol mapper coerces nothing and lets nothing through twice: each body here was accepted (201/200, or
 * silently changed) before the mapper was made strict, and each is now a one-line 400.
 */
class StrictJsonTest {

    @Test
    void scalarsOfTheWrongJsonTypeAreRefusedNotCoerced() {
        assertBad("{\"text\": 5}", SessionRequest.class, "text");
        assertBad("{\"text\": true}", SessionRequest.class, "text");
        assertBad("{\"text\": 5.5}", SessionRequest.class, "text");
        assertBad("{\"prompt\": [\"1\"]}", SessionRequest.class, "prompt");
        assertBad("{\"prompt\": [true]}", SessionRequest.class, "prompt");
        assertBad("{\"text\": \"x\", \"seed\": \"3\"}", SessionRequest.class, "seed");
        assertBad("{\"text\": \"x\", \"temperature\": \"0.5\"}", SessionRequest.class, "temperature");
    }

    @Test
    void fractionsAreNotIntegers() {
        assertBad("{\"position\": 5.5, \"draft\": []}", VerifyRequest.class, "position");
        assertBad("{\"position\": 5.0, \"draft\": []}", VerifyRequest.class, "position");
        assertBad("{\"position\": 5, \"draft\": [1.5]}", VerifyRequest.class, "draft");
        assertBad("{\"position\": 5, \"draft\": [1e2]}", VerifyRequest.class, "draft");
        assertBad("{\"text\": \"x\", \"seed\": 1.5}", SessionRequest.class, "seed");
        assertBad("{\"text\": \"x\", \"topK\": 2.0}", SessionRequest.class, "topK");
    }

    @Test
    void integersBeyondTheirFieldAreRefusedNotWrapped() {
        assertBad("{\"position\": 4294967298, \"draft\": []}", VerifyRequest.class, "position");
        assertBad("{\"position\": 5, \"draft\": [4294967298]}", VerifyRequest.class, "draft");
        assertBad("{\"text\": \"x\", \"seed\": 18446744073709551617}", SessionRequest.class, "seed");
    }

    @Test
    void duplicateKeysAndTrailingGarbageAreRefused() {
        assertBad("{\"position\": 5, \"position\": 6, \"draft\": []}", VerifyRequest.class, "position");
        assertBad("{\"text\": \"a\", \"text\": \"b\"}", SessionRequest.class, "text");
        assertBad("{\"position\":5,\"draft\":[1],\"draftProbs\":[{\"ids\":[1],\"ids\":[1],\"probs\":[1]}]}",
                VerifyRequest.class, "ids");
        assertBad("{\"text\": \"x\"} {}", SessionRequest.class, "JSON");
        assertBad("{\"text\": \"x\"}]", SessionRequest.class, "JSON");
        assertBad("{\"text\": \"x\", \"temperature\": NaN}", SessionRequest.class, "JSON");
    }

    @Test
    void draftProbsMustBeADistribution() {
        String head = "{\"position\":5,\"draft\":[1],\"draftProbs\":[";
        assertBad(head + "{\"ids\":[1,1],\"probs\":[0.5,0.5]}]}", VerifyRequest.class, "appears twice");
        assertBad(head + "{\"ids\":[1,2],\"probs\":[0.25,0.25]}]}", VerifyRequest.class, "sum to 0.5");
        assertBad(head + "{\"ids\":[1,2],\"probs\":[0.9,0.9]}]}", VerifyRequest.class, "sum to");
        assertBad(head + "{\"ids\":[1,2],\"probs\":[1,0]}]}", VerifyRequest.class, "outside (0, 1]");
        assertBad(head + "{\"ids\":[1,2],\"probs\":[1e400,0.5]}]}", VerifyRequest.class, "outside (0, 1]");
        assertBad(head + "{\"ids\":[1,-2],\"probs\":[0.5,0.5]}]}", VerifyRequest.class, "negative");
        // within the stated tolerance: accepted
        VerifyRequest ok = Json.read((head + "{\"ids\":[1,2],\"probs\":[0.6,0.4004]}]}").getBytes(StandardCharsets.UTF_8),
                VerifyRequest.class);
        assertThat(ok.draftProbs().get(0).probability(2)).isEqualTo(0.4004f);
        assertThat(ok.draftProbs().get(0).largestId()).isEqualTo(2);
    }

    @Test
    void wellTypedRequestsStillRead() {
        VerifyRequest v = Json.read("{\"position\": 7, \"draft\": [0, 31999]}".getBytes(StandardCharsets.UTF_8),
                VerifyRequest.class);
        assertThat(v.position()).isEqualTo(7);
        SessionRequest s = Json.read("{\"text\":\"x\",\"temperature\":1,\"topP\":0.9,\"topK\":40,\"seed\":-3}"
                .getBytes(StandardCharsets.UTF_8), SessionRequest.class);
        assertThat(s.temperature()).isEqualTo(1.0);
        assertThat(s.seed()).isEqualTo(-3L);
    }

    private static void assertBad(String body, Class<?> type, String mentions) {
        assertThatThrownBy(() -> Json.read(body.getBytes(StandardCharsets.UTF_8), type))
                .as(body)
                .isInstanceOf(ProtocolException.class)
                .satisfies(e -> assertThat(((ProtocolException) e).status()).isEqualTo(400))
                .hasMessageContaining(mentions)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}

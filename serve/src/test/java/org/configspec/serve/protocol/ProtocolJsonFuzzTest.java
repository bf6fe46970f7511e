package org.configspec.serve.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;

/**
 * Coverage-guided fuzzing of the verifier's request parsing ({@link Json#read} with the strict mapper, the compact
 * constructors of {@link SessionRequest}, {@link VerifyRequest} and {@link SparseDistribution}): any body gives a
 * parsed request or a 4xx {@link ProtocolException} with one line; any other exception or a hang is a finding.
 * The first byte of an input picks the request type (odd: a session request, so seeds start with 's'; even: a verify
 * request, 'v'), the rest is the body. The build replays
 * src/test/resources/org/configspec/serve/protocol/ProtocolJsonFuzzTestInputs; {@code scripts/fuzz} fuzzes.
 */
class ProtocolJsonFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void anyBodyGivesARequestOrA4xxLine(byte[] input) {
        boolean session = input.length > 0 && (input[0] & 1) == 1;
        byte[] body = input.length == 0 ? input : Arrays.copyOfRange(input, 1, input.length);
        Object parsed;
        try {
            Class<?> type = session ? SessionRequest.class : VerifyRequest.class;
            parsed = Json.read(body, type);
        } catch (ProtocolException e) {
            assertThat(e.status()).isBetween(400, 499);
            assertThat(e.getMessage()).isNotBlank().doesNotContain("\n");
            return;
        }
        assertThat(parsed).isNotNull();
        if (parsed instanceof VerifyRequest v) {
            assertThat(v.position()).isPositive();
            assertThat(Arrays.stream(v.draft()).allMatch(t -> t >= 0)).isTrue();
            if (v.draftProbs() != null) {
                assertThat(v.draftProbs()).hasSize(v.k());
                for (int i = 0; i < v.k(); i++) {
                    assertThat(v.draftProbs().get(i).probability(v.draft()[i])).isPositive();
                }
            }
        }
        // what was accepted is written and read back as an equal request
        Object again = Json.read(Json.write(parsed), parsed.getClass());
        assertThat(Json.write(again)).isEqualTo(Json.write(parsed));
    }
}

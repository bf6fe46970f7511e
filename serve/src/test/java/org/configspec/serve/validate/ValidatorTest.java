package org.configspec.serve.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.configspec.llm.NeedsLlama;
import org.configspec.core.validation.ValidationPoint;
import org.configspec.core.validation.ValidationReport;
import org.configspec.serve.ServeFixture;
import org.configspec.serve.verifier.VerifierServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Real runs at K = 1..4 and RTT 0 / 50 ms against the model fed by their own measurements. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
@NeedsLlama
class ValidatorTest {

    @Test
    void measuresEveryKAndRttAndComparesWithTheAnalyticModel() throws Exception {
        try (VerifierServer server = ServeFixture.verifier()) {
            Validator v = new Validator(ServeFixture.model(ServeFixture.L5), "127.0.0.1:" + server.port(),
                    ServeFixture.clientOptions());
            ValidationReport r = v.run(List.of(ServeFixture.tokens(ServeFixture.PROMPT)), 32, 4, List.of(0.0, 50.0));
            System.out.print(r.table());
            assertThat(r.points()).hasSize(8);
            assertThat(r.acceptanceRate()).isBetween(0.05, 0.99);
            assertThat(r.draftTokensPerSecond()).isPositive();
            for (ValidationPoint p : r.points()) {
                assertThat(p.rounds()).isPositive();
                assertThat(p.measuredTokensPerRound()).isBetween(1.0, p.k() + 1.0);
                assertThat(p.predictedTokensPerRound()).isBetween(1.0, p.k() + 1.0);
                if (p.rttMs() == 50) {
                    assertThat(p.measuredRoundTripMs()).isGreaterThanOrEqualTo(50);
                }
            }
            assertThat(r.bestK(50, true)).isGreaterThanOrEqualTo(r.bestK(0, true));
            assertThat(r.table()).contains("best K measured").contains("mean |goodput error|");
        }
    }
}

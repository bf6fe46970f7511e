package org.configspec.serve.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The lines configspec run prints after the text: summary, billed tokens, and edge energy only when measured. */
class RunReportTest {
    private static final List<RoundRecord> ROUNDS = List.of(new RoundRecord(4, 2, 3, 0.01, 0.02, 10, 10, 1),
            new RoundRecord(4, 4, 5, 0.01, 0.02, 10, 10, 1));
    private static final RunSummary SUMMARY = new RunSummary(ROUNDS, 2, 8, 0, 0.5, 0, 0, 20, 20);

    @Test
    void withoutAMeterTwoLines() {
        RunReport r = new RunReport("fixed(4)", SUMMARY, BilledTokens.of(ROUNDS, 5), null);
        assertThat(r.lines()).containsExactly("policy fixed(4); " + SUMMARY.describe(),
                "billed tokens: paper 8 output; predicted-outputs 10 output; logprob-api 13 cached input + 8 input"
                        + " + 2 output");
    }

    @Test
    void aMeasuredEnergyIsAThirdLinePerCommittedToken() {
        EdgeEnergy e = new EdgeEnergy(2.0, 0.5, 4.0, 5, "rapl", false);
        RunReport r = new RunReport("fixed(4)", SUMMARY, BilledTokens.of(ROUNDS, 5), e);
        assertThat(r.lines()).hasSize(3).last()
                .isEqualTo("edge energy 2.000 J over 0.500 s (0.2500 J/token, mean 4.00 W, n=5) by rapl");
        assertThat(new EdgeEnergy(1, 1, 1, 2, "cpu-model", true).describe(0))
                .as("no tokens: per token over 1").contains("(1.0000 J/token").endsWith(" (ESTIMATE, not a measurement)");
    }

    @Test
    void negativeEnergyIsRefused() {
        assertThatThrownBy(() -> new EdgeEnergy(-1, 1, 1, 1, "rapl", false)).hasMessageContaining("-1.0 J");
    }
}

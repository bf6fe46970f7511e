package org.configspec.serve.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Protects the billed-token counts of each regime with a hand-computed run. */
class BilledTokensTest {
    @Test
    void countsEachRegimeFromTheRounds() {
        // prompt 5 tokens; round 1: K=4, 2 accepted (3 committed); round 2: K=4, 4 accepted (5 committed)
        List<RoundRecord> rounds = List.of(new RoundRecord(4, 2, 3, 0.01, 0.02, 10, 10, 1),
                new RoundRecord(4, 4, 5, 0.01, 0.02, 10, 10, 1));
        BilledTokens b = BilledTokens.of(rounds, 5);
        assertThat(b.paperOutput()).isEqualTo(8);
        assertThat(b.predictedOutput()).isEqualTo(10);
        assertThat(b.logprobCachedInput()).isEqualTo(5 + 8);
        assertThat(b.logprobInput()).isEqualTo(8);
        assertThat(b.logprobOutput()).isEqualTo(2);
        assertThat(b.paperUsd(0.9)).isEqualTo(8 * 0.9 / 1e6);
    }
}

package org.configspec.profile.align;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * β bounds per position become bounds on the expected α(K), E(K) and P(L ≥ i) that contain the midpoint figures, and
 * the table shows them with a truncation column only when the listing left something open.
 */
class TruncationColumnTest {
    static final int[] T = {10, 11, 12, 13, 14, 15, 16, 17};
    static final int[] G = {10, 11, 0, 13, 14, 15, 0, 17};

    @Test
    void boundsOnBetaPropagateToAlphaExpectedTokensAndSurvival() {
        double[] lo = {0.5, 0.6, 0.2, 0.7, 0.8, 0.6, 0.1, 0.9};
        double[] hi = {0.7, 0.6, 0.4, 0.9, 0.8, 0.8, 0.3, 0.95};
        double[] mid = new double[lo.length];
        for (int i = 0; i < mid.length; i++) {
            mid[i] = (lo[i] + hi[i]) / 2;
        }
        Alignment a = new Alignment(T, G, mid, lo, hi);
        KAcceptance k2 = AcceptanceStatistics.at(List.of(a), 2, Bootstrap.defaults(1));
        ExpectedBounds b = k2.expectedBounds();
        assertThat(k2.expectedAlpha().value()).isBetween(b.alphaLo(), b.alphaHi());
        assertThat(b.alphaLo()).isCloseTo(AcceptanceStatistics.expectedAlpha(lo, 2), within(1e-12));
        assertThat(b.alphaHi()).isCloseTo(AcceptanceStatistics.expectedAlpha(hi, 2), within(1e-12));
        assertThat(b.tokensPerRoundLo()).isCloseTo(1 + 2 * b.alphaLo(), within(1e-12));
        assertThat(b.truncation()).isCloseTo(b.alphaHi() - b.alphaLo(), within(1e-12)).isPositive();
        // P(L >= 1) is the mean β over the round starts 0..5; P(L >= 2) the mean of β[s]·β[s+1]
        assertThat(b.survivalLo()[0]).isCloseTo((0.5 + 0.6 + 0.2 + 0.7 + 0.8 + 0.6) / 6, within(1e-12));
        assertThat(b.survivalHi()[1]).isCloseTo((0.7 * 0.6 + 0.6 * 0.4 + 0.4 * 0.9 + 0.9 * 0.8 + 0.8 * 0.8
                + 0.8 * 0.3) / 6, within(1e-12));

        String table = AlignTable.render(result(a));
        assertThat(table).contains("truncation", "expected P(L>=i) at K=2 (sampling), bounds from the top-N listing:");
    }

    @Test
    void exactDistributionsHaveNoTruncationColumn() {
        Alignment a = new Alignment(T, G, new double[] {0.5, 0.6, 0.2, 0.7, 0.8, 0.6, 0.1, 0.9});
        assertThat(AcceptanceStatistics.at(List.of(a), 2, Bootstrap.defaults(1)).expectedBounds().truncation())
                .isZero();
        assertThat(AlignTable.render(result(a))).doesNotContain("truncation");
    }

    static AlignResult result(Alignment a) {
        ModelRef target = new ModelRef("target", "/t.gguf", "a".repeat(64), "F32", 1000, 6);
        ModelRef draft = new ModelRef("draft", "/d.gguf", "b".repeat(64), "Q8_0", 800, 5);
        Provenance p = new Provenance(Provenance.TOOL, "2026-01-01T00:00:00Z", target, 1, 1, "test", 1, 8, 2,
                "greedy + sampling", "hand-made", "bootstrap / Wilson", "all 1 prompts used");
        return new AlignResult(p, List.of(new DraftAcceptance(draft, AcceptanceStatistics.of(List.of(a), 2,
                Bootstrap.defaults(1)))));
    }
}

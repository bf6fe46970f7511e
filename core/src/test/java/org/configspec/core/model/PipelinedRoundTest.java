package org.configspec.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.configspec.core.acceptance.AcceptanceMode;
import org.configspec.core.acceptance.IidCurve;
import org.configspec.core.acceptance.MeasuredAlphaCurve;
import org.configspec.core.acceptance.PerPositionCurve;
import org.configspec.core.space.Evaluation;
import org.configspec.core.space.EvaluationTable;
import org.configspec.core.testing.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * Protects the pipelined round (AnalyticModel#pipelinedRoundSeconds and its drafting and waiting time) with known
 * answers, q(K) per acceptance curve, and its use by the evaluation of a joint space.
 */
class PipelinedRoundTest {
    private static final double EPS = 1e-12;

    @Test
    void withTheAnswerAlreadyThereNothingIsDraftedAheadAndTheRoundIsSequential() {
        for (double q : new double[] {0, 0.3, 1}) {
            assertThat(AnalyticModel.aheadDecodes(4, 100, 0)).isZero();
            assertThat(AnalyticModel.pipelinedRoundSeconds(4, 100, 0, q)).isCloseTo(4 / 100.0, within(EPS));
            assertThat(AnalyticModel.pipelinedDraftSeconds(4, 100, 0, q)).isCloseTo(4 / 100.0, within(EPS));
        }
    }

    @Test
    void aGuessThatNeverHoldsCostsTheSequentialRoundWhenTheAnswerComesBetweenDecodes() {
        // r = 100 tok/s, T_v = 30 ms = 3 decodes exactly (and T_v beyond K + 1 decodes): no decode is cut short
        assertThat(AnalyticModel.aheadDecodes(4, 100, 0.03)).isEqualTo(3);
        assertThat(AnalyticModel.pipelinedRoundSeconds(4, 100, 0.03, 0)).isCloseTo(0.04 + 0.03, within(EPS));
        assertThat(AnalyticModel.pipelinedRoundSeconds(4, 100, 0.2, 0)).isCloseTo(0.04 + 0.2, within(EPS));
        // T_v = 25 ms: the third decode ahead ends 5 ms after the answer, and that is lost when the guess fails
        assertThat(AnalyticModel.pipelinedRoundSeconds(4, 100, 0.025, 0)).isCloseTo(0.03 + 0.04, within(EPS));
    }

    @Test
    void aGuessThatAlwaysHoldsWithTheVerifyLongerThanKPlusOneDecodesTakesJustTheVerify() {
        assertThat(AnalyticModel.aheadDecodes(4, 100, 0.05)).isEqualTo(5);
        assertThat(AnalyticModel.pipelinedRoundSeconds(4, 100, 0.05, 1)).isCloseTo(0.05, within(EPS));
        assertThat(AnalyticModel.pipelinedRoundSeconds(4, 100, 0.5, 1)).isCloseTo(0.5, within(EPS));
        assertThat(AnalyticModel.pipelinedWaitSeconds(4, 100, 0.5)).isCloseTo(0.45, within(EPS));
    }

    @Test
    void handComputedRounds() {
        // K = 4, r = 100 tok/s, T_v = 25 ms, q = 0.5: 3 decodes ahead, the answer is taken at 30 ms; then 4 decodes
        // (guess failed) or 5 − 3 = 2 (held): 30 + 0.5 × 40 + 0.5 × 20 = 60 ms (sequential: 65 ms)
        assertThat(AnalyticModel.pipelinedRoundSeconds(4, 100, 0.025, 0.5)).isCloseTo(0.060, within(EPS));
        assertThat(AnalyticModel.pipelinedDraftSeconds(4, 100, 0.025, 0.5)).isCloseTo(0.060, within(EPS));
        assertThat(AnalyticModel.pipelinedWaitSeconds(4, 100, 0.025)).isZero();
        // T_v = 80 ms, q = 0.6: all 5 decodes ahead fit; 80 + 0.4 × 40 = 96 ms; drafting 50 + 16 = 66 ms, idle 30 ms
        assertThat(AnalyticModel.pipelinedRoundSeconds(4, 100, 0.08, 0.6)).isCloseTo(0.096, within(EPS));
        assertThat(AnalyticModel.pipelinedDraftSeconds(4, 100, 0.08, 0.6)).isCloseTo(0.066, within(EPS));
        assertThat(AnalyticModel.pipelinedWaitSeconds(4, 100, 0.08)).isCloseTo(0.03, within(EPS));
    }

    @Test
    void anAnswerAtADecodesEndInFloatingPointDoesNotCountAnotherDecode() {
        // 0.1 s × 30 tok/s is 3.0000000000000004 in doubles
        assertThat(AnalyticModel.aheadDecodes(8, 30, 0.1)).isEqualTo(3);
        assertThat(AnalyticModel.aheadDecodes(8, 30, 0.1001)).isEqualTo(4);
    }

    @Test
    void qIsTheSurvivalOfPositionKPlusOneForPositionConsistentCurves() {
        PerPositionCurve pp = new PerPositionCurve(new double[] {0.9, 0.7, 0.5});
        assertThat(pp.guessHolds(2)).isCloseTo(0.5, within(EPS));
        assertThat(pp.guessHolds(3)).isNaN(); // P(L ≥ 4) was not measured
        assertThat(new IidCurve(0.8).guessHolds(3)).isCloseTo(Math.pow(0.8, 4), within(EPS));
        assertThat(new IidCurve(0.8).guessHolds(3))
                .isCloseTo(new IidCurve(0.8).tokensPerRound(4) - new IidCurve(0.8).tokensPerRound(3), within(EPS));
    }

    @Test
    void qOfAMeasuredAlphaIsReadWithinTheRoundsOfK() {
        SortedMap<Integer, Double> alpha = new TreeMap<>();
        alpha.put(2, 0.5);
        alpha.put(3, 0.9); // not position-consistent with K = 2
        MeasuredAlphaCurve curve = new MeasuredAlphaCurve(alpha);
        // K = 2, α = 0.5: a + a² = 1 → a = (√5 − 1) / 2, q = a³
        double a = (Math.sqrt(5) - 1) / 2;
        assertThat(curve.guessHolds(2)).isCloseTo(a * a * a, within(1e-9));
        assertThat(curve.guessHolds(3)).isBetween(0.0, 1.0); // defined without a value at K = 4
        assertThat(curve.guessHolds(4)).isNaN();
    }

    @Test
    void theEvaluationUsesThePipelinedRoundAndSkipsKsWithoutQ() {
        var c = Fixtures.candidate("d", new PerPositionCurve(new double[] {0.9, 0.7, 0.5}), 100, 8, 1);
        ModelOptions seq = new ModelOptions(1, 3, AcceptanceMode.POSITION, VerifyTime.constant(0.025), new Billing.Paper(),
                EnergyOptions.draftingOnly());
        ModelOptions pipe = seq.withSchedule(RoundSchedule.PIPELINED);
        assertThat(pipe.isPaperMode()).isFalse();
        EvaluationTable s = Fixtures.evaluate(List.of(c), seq);
        EvaluationTable p = Fixtures.evaluate(List.of(c), pipe);
        assertThat(s).hasSize(3);
        assertThat(p).hasSize(2); // K = 3 needs P(L ≥ 4)
        Evaluation e = p.get(1); // K = 2: E = 2.6, q = 0.5, a = ⌈2.5⌉ = 3 = K + 1 decodes, answer taken at 30 ms
        assertThat(e.k()).isEqualTo(2);
        double round = AnalyticModel.pipelinedRoundSeconds(2, 100, 0.025, 0.5);
        assertThat(round).isCloseTo(0.03 + 0.5 * 0.02, within(EPS));
        assertThat(e.goodput()).isCloseTo(2.6 / round, within(1e-9));
        assertThat(e.goodput()).isGreaterThan(s.get(1).goodput());
        assertThat(e.draftS()).isCloseTo(0.03 + 0.5 * 0.02, within(EPS));
        assertThat(e.goodput()).isCloseTo(2.6 / e.draftS(), within(1e-9)); // the draft never idles here
        assertThat(e.joulesPerToken()).isCloseTo(8 * e.draftS() / 2.6, within(1e-9));
        assertThat(e.usdPerRound()).isEqualTo(s.get(1).usdPerRound());
    }
}

package org.configspec.core.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import org.configspec.core.acceptance.IidCurve;
import org.configspec.core.model.AnalyticModel;
import org.configspec.core.model.Billing;
import org.configspec.core.model.EnergyOptions;
import org.configspec.core.model.ModelOptions;
import org.configspec.core.model.VerifyTime;
import org.configspec.core.acceptance.AcceptanceMode;
import org.configspec.core.space.Evaluation;
import org.configspec.core.space.EvaluationTable;
import org.configspec.core.testing.Fixtures;

/** Each objective behaves as theory says in K, α, draft speed, T_v and price. */
class AnalyticModelProperties {
    private static final double EPS = 1e-12;

    @Property
    void goodputRisesWithAcceptanceAndDraftSpeedAndFallsWithVerifyTime(
            @ForAll @DoubleRange(min = 0, max = 0.98) double a, @ForAll @DoubleRange(min = 0.001, max = 0.02) @Scale(4) double da,
            @ForAll @IntRange(min = 1, max = 16) int k, @ForAll @DoubleRange(min = 0.1, max = 500) double r,
            @ForAll @DoubleRange(min = 0.001, max = 5) @Scale(4) double tv) {
        double e = new IidCurve(a).tokensPerRound(k);
        double eMore = new IidCurve(a + da).tokensPerRound(k);
        double g = AnalyticModel.goodput(e, k, r, tv);
        assertThat(AnalyticModel.goodput(eMore, k, r, tv)).isGreaterThan(g);
        assertThat(AnalyticModel.goodput(e, k, r * 1.1, tv)).isGreaterThan(g);
        assertThat(AnalyticModel.goodput(e, k, r, tv * 1.1)).isLessThan(g);
        // goodput never exceeds the draft speed bound (K+1 tokens per round) nor the verify bound
        assertThat(g).isLessThanOrEqualTo((k + 1) / (k / r + tv) + EPS);
    }

    @Property
    void tokensPerDollarFallWithPriceAndRiseWithAcceptance(@ForAll @DoubleRange(min = 0, max = 0.98) double a,
            @ForAll @IntRange(min = 1, max = 16) int k, @ForAll @DoubleRange(min = 0.01, max = 100) double price) {
        Billing paper = new Billing.Paper();
        var p = org.configspec.core.domain.Pricing.outputOnly(price);
        var pMore = org.configspec.core.domain.Pricing.outputOnly(price * 1.5);
        double e = new IidCurve(a).tokensPerRound(k);
        double tpu = AnalyticModel.tokensPerUsd(e, paper.usdPerRound(p, k, 0));
        assertThat(AnalyticModel.tokensPerUsd(e, paper.usdPerRound(pMore, k, 0))).isLessThan(tpu);
        assertThat(AnalyticModel.tokensPerUsd(new IidCurve(a + 0.01).tokensPerRound(k), paper.usdPerRound(p, k, 0)))
                .isGreaterThan(tpu);
        // paper formula: E · 10^6 / (K · p_out)
        assertThat(tpu).isCloseTo(e * 1e6 / (k * price), org.assertj.core.data.Offset.offset(1e-9 * tpu));
    }

    @Property
    void energyPerTokenRisesWithPowerAndFallsWithSpeedAndAcceptance(@ForAll @DoubleRange(min = 0, max = 0.98) double a,
            @ForAll @IntRange(min = 1, max = 16) int k, @ForAll @DoubleRange(min = 0.1, max = 500) double r,
            @ForAll @DoubleRange(min = 0.5, max = 80) double power) {
        double e = new IidCurve(a).tokensPerRound(k);
        double j = AnalyticModel.joulesPerToken(power, k, r, e, 0);
        assertThat(AnalyticModel.joulesPerToken(power * 1.2, k, r, e, 0)).isGreaterThan(j);
        assertThat(AnalyticModel.joulesPerToken(power, k, r * 1.2, e, 0)).isLessThan(j);
        assertThat(AnalyticModel.joulesPerToken(power, k, r, new IidCurve(a + 0.01).tokensPerRound(k), 0)).isLessThan(j);
    }

    @Property
    void inKCostAndEnergyAreBestAtTheSmallestKAndGoodputIsUnimodal(@ForAll @DoubleRange(min = 0, max = 0.95) double a,
            @ForAll @DoubleRange(min = 0.5, max = 200) double r, @ForAll @DoubleRange(min = 0.01, max = 3) double tv) {
        ModelOptions o = new ModelOptions(1, 24, AcceptanceMode.ALPHA, VerifyTime.constant(tv), new Billing.Paper(),
                EnergyOptions.draftingOnly());
        EvaluationTable t = Fixtures.evaluate(List.of(Fixtures.candidate("d", new IidCurve(a), r, 5, 1.0)), o);
        assertThat(t).hasSize(24);
        boolean falling = false;
        for (int i = 1; i < t.size(); i++) {
            Evaluation prev = t.get(i - 1);
            Evaluation cur = t.get(i);
            // α(K) never rises with K under i.i.d. acceptance; E(K) rises
            assertThat(cur.alpha()).isLessThanOrEqualTo(prev.alpha() + EPS);
            assertThat(cur.tokensPerRound()).isGreaterThanOrEqualTo(prev.tokensPerRound() - EPS);
            // paper billing: tokens per $ = E(K)/K · const falls with K; J per token = P/r · K/E(K) rises
            assertThat(cur.tokensPerUsd()).isLessThanOrEqualTo(prev.tokensPerUsd() * (1 + EPS));
            assertThat(cur.joulesPerToken()).isGreaterThanOrEqualTo(prev.joulesPerToken() * (1 - EPS));
            // goodput rises to one peak, then falls: once it falls it never rises again
            if (cur.goodput() < prev.goodput() - EPS) {
                falling = true;
            } else if (falling) {
                assertThat(cur.goodput()).as("goodput rose again at K=%d", cur.k()).isLessThanOrEqualTo(prev.goodput() + EPS);
            }
        }
    }

    @Property
    void theGoodputOptimalKNeverShrinksAsVerificationGetsSlower(@ForAll @DoubleRange(min = 0.05, max = 0.95) double a,
            @ForAll @DoubleRange(min = 0.5, max = 200) double r, @ForAll @DoubleRange(min = 0.01, max = 2) double tv) {
        int k1 = bestK(a, r, tv);
        int k2 = bestK(a, r, tv * 2);
        assertThat(k2).isGreaterThanOrEqualTo(k1);
    }

    private static int bestK(double a, double r, double tv) {
        ModelOptions o = new ModelOptions(1, 64, AcceptanceMode.ALPHA, VerifyTime.constant(tv), new Billing.Paper(),
                EnergyOptions.draftingOnly());
        EvaluationTable t = Fixtures.evaluate(List.of(Fixtures.candidate("d", new IidCurve(a), r, 5, 1.0)), o);
        Evaluation best = t.get(0);
        for (Evaluation e : t) {
            if (e.goodput() > best.goodput()) {
                best = e;
            }
        }
        return best.k();
    }
}

package org.configspec.core.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.TreeMap;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.core.stats.Aggregation;
import org.configspec.core.stats.Measured;
import org.junit.jupiter.api.Test;

/** Protects the three ways of turning acceptance into E(K). */
class AcceptanceCurvesTest {
    @Test
    void iidClosedFormMatchesTheSeries() {
        IidCurve c = new IidCurve(0.7);
        double series = 0;
        for (int i = 0; i <= 5; i++) {
            series += Math.pow(0.7, i);
        }
        assertThat(c.tokensPerRound(5)).isCloseTo(series, within(1e-12));
        assertThat(new IidCurve(1.0).tokensPerRound(4)).isEqualTo(5.0);
        assertThat(new IidCurve(0.0).tokensPerRound(4)).isEqualTo(1.0);
    }

    @Test
    void perPositionSumsSurvivalProbabilities() {
        PerPositionCurve c = new PerPositionCurve(new double[] {0.8, 0.6, 0.3});
        assertThat(c.tokensPerRound(1)).isCloseTo(1.8, within(1e-12));
        assertThat(c.tokensPerRound(3)).isCloseTo(2.7, within(1e-12));
        assertThat(c.supports(4)).isFalse();
        assertThat(c.alpha(2)).isCloseTo(0.7, within(1e-12));
        assertThatThrownBy(() -> new PerPositionCurve(new double[] {0.5, 0.6})).isInstanceOf(ConfigSpecException.class)
                .hasMessageContaining("must not increase");
    }

    @Test
    void iidFitRecoversTheRateOfAnIidCurve() {
        IidCurve truth = new IidCurve(0.63);
        TreeMap<Integer, Measured> alpha = new TreeMap<>();
        for (int k = 2; k <= 10; k++) {
            alpha.put(k, Measured.of(AcceptanceProfile.UNIT, Aggregation.MEAN, truth.alpha(k)));
        }
        AcceptanceProfile p = new AcceptanceProfile("d", "", "t", alpha, null, "");
        IidCurve fitted = (IidCurve) p.curve(AcceptanceMode.IID);
        assertThat(fitted.rate()).isCloseTo(0.63, within(1e-6));
        assertThat(p.curve(AcceptanceMode.ALPHA).supports(1)).isFalse();
        assertThat(p.curve(AcceptanceMode.IID).supports(1)).isTrue();
        assertThatThrownBy(() -> p.curve(AcceptanceMode.POSITION)).hasMessageContaining("no per-position data");
    }

    @Test
    void measuredAlphaIsThePaperFormula() {
        TreeMap<Integer, Double> a = new TreeMap<>();
        a.put(2, 0.6477594812910946);
        MeasuredAlphaCurve c = new MeasuredAlphaCurve(a);
        assertThat(c.tokensPerRound(2)).isEqualTo(2 * 0.6477594812910946 + 1);
        assertThat(c.supports(3)).isFalse();
    }
}

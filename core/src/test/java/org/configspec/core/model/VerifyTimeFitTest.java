package org.configspec.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.configspec.core.error.ConfigSpecException;
import org.junit.jupiter.api.Test;

/** The least-squares verify-time fit recovers known coefficients, reports its residuals and becomes a T_v. */
class VerifyTimeFitTest {

    static List<VerifyTimeFit.Sample> samples(double intercept, double b, double c, double noise) {
        List<VerifyTimeFit.Sample> out = new ArrayList<>();
        int i = 0;
        for (int context : new int[] {64, 256, 1024}) {
            for (int k = 0; k <= 16; k++) {
                double wiggle = noise * ((i++ % 3) - 1); // -noise, 0, +noise: zero mean over every K
                out.add(new VerifyTimeFit.Sample(k, context, intercept + b * (k + 1) + c * context + wiggle));
            }
        }
        return out;
    }

    @Test
    void exactDataIsFittedExactlyWithAndWithoutTheContextTerm() {
        VerifyTimeFit f = VerifyTimeFit.fit(samples(0.012, 0.0021, 0.00004, 0), true);
        assertThat(f.intercept()).isCloseTo(0.012, within(1e-12));
        assertThat(f.perTokenS()).isCloseTo(0.0021, within(1e-12));
        assertThat(f.perContextTokenS()).isCloseTo(0.00004, within(1e-14));
        assertThat(f.rmsResidualS()).isCloseTo(0, within(1e-12));
        assertThat(f.rSquared()).isCloseTo(1, within(1e-12));
        assertThat(f.n()).isEqualTo(51);

        VerifyTimeFit noContext = VerifyTimeFit.fit(samples(0.012, 0.0021, 0, 0), false);
        assertThat(noContext.perContextTokenS()).isZero();
        assertThat(noContext.predict(4, 999)).isCloseTo(0.012 + 0.0021 * 5, within(1e-12));
    }

    @Test
    void residualsReportTheNoise() {
        VerifyTimeFit f = VerifyTimeFit.fit(samples(0.01, 0.002, 0.00001, 0.0005), true);
        assertThat(f.maxResidualS()).isGreaterThan(0.0003).isLessThan(0.0008);
        assertThat(f.rmsResidualS()).isGreaterThan(0.0002).isLessThanOrEqualTo(f.maxResidualS());
        assertThat(f.perTokenS()).isCloseTo(0.002, within(1e-4));
    }

    @Test
    void theRoundTripMeasuredApartIsSplitOffTheIntercept() {
        VerifyTime v = VerifyTimeFit.fit(samples(0.030, 0.002, 0.00001, 0), true).toVerifyTime(0.020, 512, "measured");
        assertThat(v.rttS()).isCloseTo(0.020, within(1e-12));
        assertThat(v.fixedS()).isCloseTo(0.010, within(1e-12));
        assertThat(v.seconds(4)).isCloseTo(0.030 + 0.002 * 5 + 0.00001 * 512, within(1e-12));
        assertThat(v.isMeasured()).isTrue();
        assertThat(new ModelOptions(2, 10, org.configspec.core.acceptance.AcceptanceMode.ALPHA, v,
                new Billing.Paper(), EnergyOptions.draftingOnly()).isPaperMode()).isFalse();
    }

    @Test
    void aContextTermNeedsSeveralContextLengths() {
        List<VerifyTimeFit.Sample> one = samples(0.01, 0.002, 0, 0).subList(0, 17);
        assertThatThrownBy(() -> VerifyTimeFit.fit(one, true)).isInstanceOf(ConfigSpecException.class)
                .hasMessageContaining("at least two context lengths");
    }
}

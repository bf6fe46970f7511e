package org.configspec.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.TreeMap;
import org.configspec.core.acceptance.AcceptanceCurve;
import org.configspec.core.acceptance.IidFit;
import org.configspec.core.acceptance.MeasuredAlphaCurve;
import org.junit.jupiter.api.Test;

/** Protects the validate table without running models: sources, the i.i.d. fallback mark, medians, n/a energy. */
class ValidationReportTest {
    private static ValidationPoint point(double rtt, int k, double measuredG, double predictedG, boolean fallback,
                                         double j) {
        return new ValidationPoint(rtt, k, 10, 2, 2.1, measuredG, predictedG, 20, 21, fallback, 1e6, 1.05e6, j,
                Double.isNaN(j) ? Double.NaN : j * 1.1);
    }

    @Test
    void namesStoredSourcesMarksFallbackAndTakesMedians() {
        TreeMap<Integer, Double> alpha = new TreeMap<>();
        alpha.put(1, 0.8);
        alpha.put(2, 0.7);
        AcceptanceCurve curve = new MeasuredAlphaCurve(alpha);
        StoredInputs in = new StoredInputs(curve, IidFit.fit(curve, 2), "acceptance-abc", 900, 7.5, "draft-def");
        ValidationReport r = new ValidationReport(0.8, 900, 15, 0.2, List.of(point(0, 1, 100, 110, false, 0.01),
                point(0, 2, 100, 90, false, 0.01), point(0, 3, 100, 101, true, 0.01), point(20, 1, 50, 55, false, 0.01)),
                in, 0.9);
        assertThat(r.medianGoodputError(0)).isCloseTo(0.10, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(r.meanGoodputError()).isCloseTo((0.1 + 0.1 + 0.01 + 0.1) / 4, org.assertj.core.data.Offset.offset(1e-9));
        String t = r.table();
        assertThat(t).contains("from store document acceptance-abc", "from store document draft-def",
                "fitted from these runs", "2.10*", "* K not covered", "STORED drafting power P_d = 7.50 W",
                "RTT 0 ms: best K measured 1, predicted 1; median |goodput error| 10.0%");
    }

    @Test
    void withoutStoreTheHeaderIsUnchangedAndJoulesAreNotAvailable() {
        ValidationReport r = new ValidationReport(0.7, 800, 15, 0.2, List.of(point(0, 1, 100, 110, false, Double.NaN)),
                null, 0.9);
        String t = r.table();
        assertThat(t).startsWith("model inputs: acceptance a = 0.700 (i.i.d. fit), draft speed r_d = 800.0 tok/s,");
        assertThat(t).contains("J per token: n/a", "tok/$").doesNotContain("*");
    }
}

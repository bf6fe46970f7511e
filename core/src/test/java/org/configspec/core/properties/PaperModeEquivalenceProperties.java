package org.configspec.core.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.configspec.core.acceptance.AcceptanceMode;
import org.configspec.core.catalog.CatalogReader;
import org.configspec.core.model.Billing;
import org.configspec.core.model.EnergyOptions;
import org.configspec.core.model.ModelOptions;
import org.configspec.core.model.VerifyTime;
import org.configspec.core.space.Evaluation;
import org.configspec.core.space.EvaluationTable;
import org.configspec.core.space.Evaluator;
import org.configspec.core.space.JointSpace;
import org.configspec.core.space.SpaceFilter;

/** Paper mode and the extended model agree when every extension is zero. */
class PaperModeEquivalenceProperties {
    @Property(tries = 50)
    void extendedModelWithZeroExtensionsEqualsPaperMode(@ForAll @DoubleRange(min = 0.01, max = 3) double tv,
            @ForAll @IntRange(min = 1, max = 2) int kMin, @ForAll @IntRange(min = 10, max = 16) int kMax) {
        var catalog = CatalogReader.paper();
        EvaluationTable paper = Evaluator.evaluate(JointSpace.of(catalog, ModelOptions.paper(tv), SpaceFilter.all()));
        ModelOptions extended = new ModelOptions(kMin, kMax, AcceptanceMode.AUTO, new VerifyTime(0, tv, 0),
                new Billing.Paper(), new EnergyOptions(true, 0.0, 0.0, 4, 64));
        assertThat(extended.isPaperMode()).isFalse();
        EvaluationTable ext = Evaluator.evaluate(JointSpace.of(catalog, extended, SpaceFilter.all()));
        Map<String, Evaluation> byKey = new HashMap<>();
        for (Evaluation e : ext) {
            byKey.put(key(e), e);
        }
        assertThat(paper).hasSize(351);
        for (Evaluation p : paper) {
            Evaluation e = byKey.get(key(p));
            assertThat(e).as(key(p)).isNotNull();
            assertThat(e.goodput()).isEqualTo(p.goodput());
            assertThat(e.tokensPerUsd()).isEqualTo(p.tokensPerUsd());
            // bit-identical, including NaN where the device has no power data
            assertThat(Double.compare(e.joulesPerToken(), p.joulesPerToken())).as("J/token %s", key(p)).isZero();
        }
    }

    private static String key(Evaluation e) {
        return e.target() + "|" + e.device() + "|" + e.draft() + "|" + e.quant() + "|" + e.k();
    }
}

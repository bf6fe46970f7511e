package org.configspec.core.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.configspec.core.ReferenceData;
import org.configspec.core.catalog.CatalogReader;
import org.configspec.core.model.ModelOptions;
import org.configspec.core.space.SpaceFilter;
import org.junit.jupiter.api.Test;

/** Protects paper mode: the authors' goodput-optimal K versus T_v (optimal_speclen_summary.csv), every row. */
class PaperSweepReproductionTest {
    private static final Map<String, String> AUTHOR_NAMES = Map.of(
            "Llama-3.2-1B-Inst.", "Llama-3.2-1B-Instruct",
            "Llama-3.2-3B-Inst.", "Llama-3.2-3B-Instruct",
            "Llama-3.1-8B-Inst.", "Llama-3.1-8B-Instruct");

    @Test
    void reproducesEveryRowOfTheAuthorsOptimalSpecLenSummary() {
        List<SweepRow> rows = Sweeper.sweep(CatalogReader.paper(), ModelOptions.paper(), SpaceFilter.all(),
                List.of(0.1, 0.2, 0.5, 1.0, 2.0));
        Map<String, SweepRow> ours = new HashMap<>();
        for (SweepRow r : rows) {
            ours.put(r.target() + "|" + r.draft() + "|" + r.quant() + "|" + r.device() + "|" + r.tVerifyS(), r);
        }
        List<Map<String, String>> reference = ReferenceData.csv("optimal_speclen_summary.csv");
        assertThat(reference).hasSize(120);
        for (Map<String, String> ref : reference) {
            String draft = AUTHOR_NAMES.getOrDefault(ref.get("draft_model"), ref.get("draft_model"));
            String key = ref.get("target") + "|" + draft + "|Q4_K_M|" + ref.get("device") + "|"
                    + Double.parseDouble(ref.get("T_verify_s"));
            SweepRow r = ours.get(key);
            assertThat(r).as("sweep row for %s", key).isNotNull();
            assertThat(r.tokPerS()).as("draft speed %s", key).isEqualTo(Double.parseDouble(ref.get("draft_tps")));
            assertThat(r.optimalK()).as("optimal K %s", key).isEqualTo(Integer.parseInt(ref.get("optimal_K")));
            double g = Double.parseDouble(ref.get("goodput_at_optimal_K"));
            assertThat(r.goodput()).as("goodput %s", key).isCloseTo(g, within(1e-6 * g));
            assertThat(r.ratio()).as("R %s", key).isCloseTo(Double.parseDouble(ref.get("R")), within(1e-9));
        }
    }
}

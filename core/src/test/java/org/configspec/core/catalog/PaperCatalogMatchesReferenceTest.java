package org.configspec.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.configspec.core.ReferenceData;
import org.configspec.core.acceptance.AcceptanceProfile;
import org.configspec.core.domain.DraftModel;
import org.configspec.core.profile.DraftProfile;
import org.configspec.core.stats.Measured;
import org.junit.jupiter.api.Test;

/** Protects the built-in catalog: every figure equals the authors' CSVs. */
class PaperCatalogMatchesReferenceTest {
    private final Catalog paper = CatalogReader.paper();

    @Test
    void holdsThreeDevicesThirteenDraftVariantsAndTwoPricedTargets() {
        assertThat(paper.devices()).extracting(d -> d.name()).containsExactly("RPi 4B", "RPi 5", "Jetson AGX Orin");
        assertThat(paper.drafts()).hasSize(13);
        assertThat(paper.target("Llama-3.1-70B").orElseThrow().price().outputPerMTok()).isEqualTo(0.90);
        assertThat(paper.target("Qwen3-32B").orElseThrow().price().outputPerMTok()).isEqualTo(0.59);
        assertThat(paper.draftProfiles()).hasSize(39);
        assertThat(paper.acceptance()).hasSize(8);
    }

    @Test
    void acceptanceCurvesEqualTheAuthorsProfileResults() {
        Map<String, String> hfToTarget = paper.targets().stream().collect(Collectors.toMap(t -> t.hfId(), t -> t.name()));
        int checked = 0;
        for (String file : new String[] {"profile_results_2026-02-20_11-42-25.csv", "profile_results_2026-02-20_13-30-21.csv"}) {
            for (Map<String, String> row : ReferenceData.csv(file)) {
                String draftHf = row.get("draft_model");
                String draftName = draftHf.substring(draftHf.indexOf('/') + 1).replace("Meta-Llama-3.1-8B", "Llama-3.1-8B");
                AcceptanceProfile a = paper.acceptance().stream()
                        .filter(x -> x.draft().equals(draftName) && x.target().equals(hfToTarget.get(row.get("target_model"))))
                        .findFirst().orElseThrow(() -> new AssertionError("no acceptance for " + draftHf));
                Measured s = a.alphaByK().get(Integer.parseInt(row.get("spec_len")));
                assertThat(s.value()).isEqualTo(Double.parseDouble(row.get("mean_acceptance_rate")));
                assertThat(s.std()).isEqualTo(Double.parseDouble(row.get("std_acceptance_rate")));
                assertThat(s.min()).isEqualTo(Double.parseDouble(row.get("min_acceptance_rate")));
                assertThat(s.max()).isEqualTo(Double.parseDouble(row.get("max_acceptance_rate")));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(72);
    }

    @Test
    void draftSpeedsEqualTheSelectionTable() {
        for (Map<String, String> row : ReferenceData.csv("selection_draft_speeds.csv")) {
            DraftModel m = paper.draft(row.get("draft_model"), row.get("quant")).orElseThrow();
            DraftProfile p = paper.draftProfile(paper.device(row.get("device")).orElseThrow(), m).orElseThrow();
            assertThat(p.tokPerS().value()).as("%s", row).isEqualTo(Double.parseDouble(row.get("draft_tok_s")));
        }
    }

    @Test
    void drafttingPowerEqualsTheDeviceCsvs() {
        Map<String, String> files = Map.of("RPi 5", "pi5_llamacpp_profile_19models.csv",
                "Jetson AGX Orin", "jetson_agx_orin_llamacpp_profile_19models.csv");
        int checked = 0;
        for (DraftProfile p : paper.draftProfiles()) {
            if (p.device().equals("RPi 4B")) {
                assertThat(p.powerW()).as("RPi 4B has no power data").isNull();
                continue;
            }
            String gguf = ggufName(p.draft(), p.quant());
            Map<String, String> row = ReferenceData.csv(files.get(p.device())).stream()
                    .filter(r -> r.get("model_name").equalsIgnoreCase(gguf)).findFirst()
                    .orElseThrow(() -> new AssertionError("no power row for " + gguf));
            assertThat(p.powerW().value()).as("%s on %s", gguf, p.device()).isEqualTo(Double.parseDouble(row.get("power_avg_w")));
            assertThat(p.powerW().n()).isEqualTo(Integer.parseInt(row.get("pm_samples")));
            checked++;
        }
        assertThat(checked).isEqualTo(26);
    }

    private static String ggufName(String draft, String quant) {
        Set<String> metaPrefixed = Set.of("Llama-3.1-8B-Instruct");
        return (metaPrefixed.contains(draft) ? "Meta-" : "") + draft + "-" + quant + ".gguf";
    }
}

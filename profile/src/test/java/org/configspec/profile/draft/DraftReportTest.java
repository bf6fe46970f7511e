package org.configspec.profile.draft;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.configspec.core.catalog.CatalogReader;
import org.configspec.core.json.MachineJson;
import org.configspec.core.profile.DraftProfile;
import org.junit.jupiter.api.Test;

class DraftReportTest {
    final List<DraftMeasurement> imported = new ArrayList<>(List.of(
            LlamaBenchImport.read(LlamaBenchImportTest.fixture("llama-bench-80fb11a-q8_0-depth.jsonl")).get(0),
            LlamaBenchImport.read(LlamaBenchImportTest.fixture("llama-bench-b5163-readme.json")).get(0)));

    @Test
    void tableShowsEveryFigureWithAggregationIntervalNAndUnit() {
        StringWriter sw = new StringWriter();
        DraftReport.table(new PrintWriter(sw), imported, null);
        String t = sw.toString();
        assertThat(t).contains("# stories15M-q8_0: Q8_0, llama, 24.4 M parameters, sha256 unknown")
                .contains("# device: AMD EPYC; CPU: AMD EPYC; runtime: llama.cpp 80fb11a (build 1); tool: llama-bench")
                .contains("METRIC").contains("CI_LEVEL")
                .containsPattern("decode @ depth 0 \\(16 tok/rep\\) +median +115\\.084 +112\\.124 +118\\.044 +50\\.0% +2  tok/s")
                .containsPattern("decode @ depth 64 \\(16 tok/rep\\) +median")
                .containsPattern("prefill 16 tok @ depth 64 +median")
                .contains("# profile: draft tok/s = median decode tok/s at depth 0")
                .contains("# power: unknown (no power meter)")
                .contains("# memory: model 25944192 B (24.7 MiB); RSS not measured")
                .contains("# stories15M-q8_0").contains("# Qwen2.5-7B-Instruct-Q4_K_M: Q4_K_M, qwen2, 7615.6 M parameters")
                .containsPattern("decode @ depth 0 \\(128 tok/rep\\) +median +119\\.030 +117\\.464 +120\\.178 +93\\.8% +5  tok/s");
    }

    /** The machine output is API: locked against a golden file (regenerate by writing {@code DraftReport.json} anew). */
    @Test
    void jsonOfTheRecordedImportMatchesTheGoldenFile() throws Exception {
        String json = DraftReport.json(List.of(imported.get(0)), "epyc-shared");
        Path golden = LlamaBenchImportTest.fixture("golden-import-80fb11a-q8_0-depth.json");
        if (Boolean.getBoolean("configspec.golden.update")) {
            Files.writeString(Path.of("src/test/resources/draft/golden-import-80fb11a-q8_0-depth.json"), json);
        }
        assertThat(json).isEqualTo(Files.readString(golden));
    }

    @Test
    void jsonHasEveryMeasurementWithNullForUnknownAndACatalogProfile() throws Exception {
        String json = DraftReport.json(imported, "bench-host");
        JsonNode root = MachineJson.strict().readTree(json);
        assertThat(root.get("format").asText()).isEqualTo("configspec-draft-measurements");
        assertThat(root.get("version").asInt()).isEqualTo(1);
        JsonNode m = root.get("measurements").get(0);
        assertThat(m.get("model").get("name").asText()).isEqualTo("stories15M-q8_0");
        assertThat(m.get("decode")).hasSize(2);
        assertThat(m.get("decode").get(1).get("depthTokens").asInt()).isEqualTo(64);
        assertThat(m.get("decode").get(0).get("tokPerS").get("unit").asText()).isEqualTo("tok/s");
        assertThat(m.get("loadSeconds").isNull()).isTrue();
        assertThat(m.get("powerW").isNull()).isTrue();
        assertThat(json).doesNotContain("NaN");
        DraftProfile p = CatalogReader.draftProfile(m.get("profile"), "test");
        assertThat(p).isEqualTo(imported.get(0).toProfile("bench-host"));
    }
}

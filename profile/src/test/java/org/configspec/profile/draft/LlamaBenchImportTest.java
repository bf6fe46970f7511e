package org.configspec.profile.draft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.core.profile.DraftProfile;
import org.configspec.core.stats.Measured;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LlamaBenchImportTest {
    @TempDir
    Path tmp;

    static Path fixture(String name) {
        try {
            return Path.of(LlamaBenchImportTest.class.getResource("/draft/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void jsonArrayOfTheBoundBuildGivesPrefillAndDecodeFromSamples() {
        List<DraftMeasurement> ms = LlamaBenchImport.read(fixture("llama-bench-80fb11a-q8_0.json"));
        assertThat(ms).hasSize(1);
        DraftMeasurement m = ms.get(0);
        assertThat(m.model().name()).isEqualTo("stories15M-q8_0");
        assertThat(m.model().quant()).isEqualTo("Q8_0");
        assertThat(m.model().architecture()).isEqualTo("llama");
        assertThat(m.model().parameters()).isEqualTo(24407712);
        assertThat(m.model().sha256()).isEmpty();
        assertThat(m.host().cpuModel()).isEqualTo("AMD EPYC");
        assertThat(m.host().runtime()).isEqualTo("llama.cpp 80fb11a (build 1)");
        assertThat(m.host().tool()).isEqualTo("llama-bench");
        assertThat(m.harness().threads()).isEqualTo(2);
        assertThat(m.harness().reps()).isEqualTo(2);
        assertThat(m.harness().warmup()).isEqualTo(-1);
        assertThat(m.memory().modelFileBytes()).isEqualTo(25944192);
        assertThat(m.loadSeconds()).isNull();
        assertThat(m.draftCost()).isEmpty();
        assertThat(m.prefill()).singleElement().satisfies(p -> {
            assertThat(p.promptTokens()).isEqualTo(16);
            assertThat(p.depthTokens()).isZero();
            assertThat(p.tokPerS().n()).isEqualTo(2);
            assertThat(p.tokPerS().value()).isEqualTo((294.756 + 1087.88) / 2);
            assertThat(p.tokPerS().interval().low()).isEqualTo(294.756);
            assertThat(p.tokPerS().interval().high()).isEqualTo(1087.88);
        });
        assertThat(m.decode()).singleElement().satisfies(d -> {
            assertThat(d.depthTokens()).isZero();
            assertThat(d.tokensPerRep()).isEqualTo(16);
            assertThat(d.tokPerS().unit()).isEqualTo("tok/s");
            assertThat(d.tokPerS().aggregation().label()).isEqualTo("median");
            assertThat(d.tokPerS().value()).isEqualTo((44.9502 + 17.9949) / 2);
        });
        assertThat(m.date()).isEqualTo("2026-11-28T16:09:59Z");
    }

    @Test
    void jsonlWithDepthsGivesOneDecodeRowPerDepthInDepthOrder() {
        DraftMeasurement m = LlamaBenchImport.read(fixture("llama-bench-80fb11a-q8_0-depth.jsonl")).get(0);
        assertThat(m.decode()).extracting(DecodeRate::depthTokens).containsExactly(0, 64);
        assertThat(m.prefill()).extracting(PrefillRate::depthTokens).containsExactly(0, 64);
        // a positive value inside its interval is what DecodeRate and Measured.median enforce on construction
        assertThat(m.decode()).allSatisfy(d -> assertThat(d.tokPerS().n()).isEqualTo(2));
        assertThat(m.decode().get(0).tokPerS().value()).isEqualTo((112.124 + 118.044) / 2);
    }

    @Test
    void olderSchemaWithBooleanFlashAttentionAndOtherFieldsIsTolerated() {
        for (String f : List.of("llama-bench-b5163-readme.json", "llama-bench-b5163-readme.jsonl")) {
            DraftMeasurement m = LlamaBenchImport.read(fixture(f)).get(0);
            assertThat(m.model().name()).isEqualTo("Qwen2.5-7B-Instruct-Q4_K_M");
            assertThat(m.model().quant()).isEqualTo("Q4_K_M");
            assertThat(m.model().architecture()).isEqualTo("qwen2");
            assertThat(m.harness().flashAttention()).isEqualTo("false");
            assertThat(m.harness().threads()).isEqualTo(8);
            assertThat(m.harness().reps()).isEqualTo(5);
            assertThat(m.host().runtime()).isEqualTo("llama.cpp 8cf427ff (build 5163)");
            assertThat(m.decode()).singleElement().satisfies(d -> {
                assertThat(d.tokensPerRep()).isEqualTo(128);
                assertThat(d.tokPerS().n()).isEqualTo(5);
                assertThat(d.tokPerS().interval().level()).isEqualTo(1 - 2.0 / 32);
            });
            assertThat(m.prefill()).singleElement().satisfies(p -> assertThat(p.promptTokens()).isEqualTo(512));
        }
        DraftMeasurement json = LlamaBenchImport.read(fixture("llama-bench-b5163-readme.json")).get(0);
        assertThat(json.decode().get(0).tokPerS().value()).isEqualTo(119.03);
    }

    @Test
    void rowsWithoutSamplesFallBackToTheMeanWithUnknownN() throws IOException {
        Path f = tmp.resolve("minimal.jsonl");
        Files.writeString(f, "{\"n_prompt\": 0, \"n_gen\": 32, \"avg_ts\": 50.5, \"stddev_ts\": 2.5, \"some_future_field\": {\"x\": [1]}}\n"
                + "\n{\"n_prompt\": 0, \"n_gen\": 32, \"n_depth\": 128, \"avg_ts\": \"40\"}\n");
        DraftMeasurement m = LlamaBenchImport.read(f).get(0);
        assertThat(m.model().name()).isEqualTo("unknown");
        assertThat(m.model().quant()).isEqualTo("unknown");
        assertThat(m.decode()).hasSize(2);
        Measured d0 = m.decode().get(0).tokPerS();
        assertThat(d0.aggregation().label()).isEqualTo("mean");
        assertThat(d0.value()).isEqualTo(50.5);
        assertThat(d0.std()).isEqualTo(2.5);
        assertThat(d0.n()).isZero();
        assertThat(d0.hasInterval()).isFalse();
        assertThat(m.notes()).anyMatch(n -> n.contains("no samples_ts"));
        DraftProfile p = m.toProfile("laptop");
        assertThat(p.tokPerS().value()).isEqualTo(50.5);
        assertThat(p.tokPerS().n()).isZero();
    }

    @Test
    void importedMeasurementBecomesACoreProfile() {
        DraftMeasurement m = LlamaBenchImport.read(fixture("llama-bench-80fb11a-q8_0-depth.jsonl")).get(0);
        DraftProfile p = m.toProfile("epyc-shared");
        assertThat(p.device()).isEqualTo("epyc-shared");
        assertThat(p.draft()).isEqualTo("stories15M-q8_0");
        assertThat(p.quant()).isEqualTo("Q8_0");
        assertThat(p.tokPerS().value()).isEqualTo(m.decode().get(0).tokPerS().value());
        assertThat(p.tokPerS().n()).isEqualTo(2);
        assertThat(p.powerW()).isNull();
        assertThat(p.peakMemoryBytes()).isEqualTo(25944192);
        assertThat(p.provenance().threads()).isEqualTo(2);
        assertThat(p.provenance().tool()).contains("llama-bench").contains("80fb11a").contains("depth 0");
        assertThat(p.provenance().source()).isEqualTo("llama-bench output llama-bench-80fb11a-q8_0-depth.jsonl");
        assertThat(p.provenance().date()).isEqualTo("2026-11-28T16:10:00Z");
    }

    @Test
    void prefillOnlyResultsCannotBecomeAProfile() throws IOException {
        Path f = tmp.resolve("pp.json");
        Files.writeString(f, "[{\"n_prompt\": 64, \"n_gen\": 0, \"avg_ts\": 900, \"model_filename\": \"m.gguf\"}]");
        DraftMeasurement m = LlamaBenchImport.read(f).get(0);
        assertThatThrownBy(() -> m.toProfile("pi5")).isInstanceOf(ConfigSpecException.class)
                .hasMessageContaining("no decode (tg) figures");
    }

    @Test
    void malformedJsonIsOneLineNamingFileAndLine() throws IOException {
        Path f = tmp.resolve("broken.json");
        Files.writeString(f, "[\n  {\"n_prompt\": 0,\n   \"n_gen\": 16,\n   \"avg_ts\": 12.5,,\n  }\n]\n");
        assertThatThrownBy(() -> LlamaBenchImport.read(f)).isInstanceOf(ConfigSpecException.class)
                .hasMessageStartingWith(f + ":4:").hasMessageContaining("malformed JSON")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void truncatedArrayIsOneLine() throws IOException {
        Path f = tmp.resolve("cut.json");
        Files.writeString(f, Files.readString(fixture("llama-bench-80fb11a-q8_0.json")).substring(0, 1500));
        assertThatThrownBy(() -> LlamaBenchImport.read(f)).isInstanceOf(ConfigSpecException.class)
                .hasMessageStartingWith(f.toString()).satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void unclosedObjectSaysWhereItOpenedWithoutParserBoilerplate() throws IOException {
        Path f = tmp.resolve("open.json");
        Files.writeString(f, "[{\"n_gen\": 3\n");
        assertThatThrownBy(() -> LlamaBenchImport.read(f)).isInstanceOf(ConfigSpecException.class)
                .hasMessageStartingWith(f + ":2:1: malformed JSON (Unexpected end-of-input")
                .hasMessageContaining("opened at line 1, column 2")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Source"));
    }

    @Test
    void malformedJsonlLineNamesItsLine() throws IOException {
        Path f = tmp.resolve("broken.jsonl");
        List<String> lines = Files.readAllLines(fixture("llama-bench-80fb11a-q8_0-depth.jsonl"));
        Files.writeString(f, lines.get(0) + "\n" + lines.get(1).substring(0, 100) + "\n");
        assertThatThrownBy(() -> LlamaBenchImport.read(f)).isInstanceOf(ConfigSpecException.class)
                .hasMessageStartingWith(f + ":2: malformed JSON line");
    }

    @Test
    void missingOrWrongFieldsNameTheField() throws IOException {
        Path a = tmp.resolve("nogen.jsonl");
        Files.writeString(a, "{\"n_prompt\": 0, \"avg_ts\": 10}\n");
        assertThatThrownBy(() -> LlamaBenchImport.read(a)).isInstanceOf(ConfigSpecException.class)
                .hasMessageStartingWith(a + ":1: field 'n_gen' is missing");
        Path b = tmp.resolve("badts.json");
        Files.writeString(b, "[\n{\"n_prompt\": 0, \"n_gen\": 8, \"avg_ts\": \"fast\"}\n]");
        assertThatThrownBy(() -> LlamaBenchImport.read(b)).isInstanceOf(ConfigSpecException.class)
                .hasMessageStartingWith(b + ":2 (result 1): field 'avg_ts' = \"fast\": allowed a number");
        Path c = tmp.resolve("md.txt");
        Files.writeString(c, "| model | size |\n");
        assertThatThrownBy(() -> LlamaBenchImport.read(c)).isInstanceOf(ConfigSpecException.class)
                .hasMessageStartingWith(c + ":1: line starts with '| model | size |'")
                .hasMessageContaining("-o json");
        Path d = tmp.resolve("empty.json");
        Files.writeString(d, "  \n");
        assertThatThrownBy(() -> LlamaBenchImport.read(d)).isInstanceOf(ConfigSpecException.class)
                .hasMessageStartingWith(d + ": empty file");
        assertThatThrownBy(() -> LlamaBenchImport.read(tmp.resolve("absent.json")))
                .isInstanceOf(ConfigSpecException.class).hasMessageContaining("cannot read llama-bench output");
    }

    @Test
    void quantNamesAreNormalised() {
        assertThat(LlamaBenchImport.quant("llama ?B Q8_0")).isEqualTo("Q8_0");
        assertThat(LlamaBenchImport.quant("qwen35moe 35B.A3B Q4_K - Medium")).isEqualTo("Q4_K_M");
        assertThat(LlamaBenchImport.quant("llama 7B mostly Q4_0")).isEqualTo("Q4_0");
        assertThat(LlamaBenchImport.quant("llama ?B all F32")).isEqualTo("F32");
        assertThat(LlamaBenchImport.quant("")).isEqualTo("unknown");
    }
}

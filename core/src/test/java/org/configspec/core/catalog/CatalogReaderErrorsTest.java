package org.configspec.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.configspec.core.error.ConfigSpecException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Protects the one-line errors for malformed or incomplete catalogs: file, field path and value are named. */
class CatalogReaderErrorsTest {
    @TempDir
    Path dir;

    private Path paperCopy(String from, String to) throws IOException {
        String json = CatalogWriter.toJson(CatalogReader.paper());
        assertThat(json).contains(from);
        Path f = dir.resolve("catalog.json");
        Files.writeString(f, json.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
        return f;
    }

    @Test
    void writtenCatalogReadsBackEqual() throws IOException {
        Path f = dir.resolve("paper.json");
        Files.writeString(f, CatalogWriter.toJson(CatalogReader.paper()));
        Catalog back = CatalogReader.read(f);
        assertThat(CatalogWriter.toJson(back)).isEqualTo(CatalogWriter.toJson(CatalogReader.paper()));
        assertThat(back.draftProfiles()).isEqualTo(CatalogReader.paper().draftProfiles());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "alpha above 1|\"value\" : 0.5626628714250547|\"value\" : 1.5|acceptance[0]: acceptance Qwen3-0.6B -> Qwen3-32B: alpha at K=2 must be in [0, 1], got 1.5",
        "negative speed|\"value\" : 4.18|\"value\" : -4.18|draftProfiles[0]: draft profile Llama-3.2-1B Q4_K_M on RPi 4B: tokPerS must be a positive finite number, got -4.18",
        "zero price|\"outputPerMTok\" : 0.9|\"outputPerMTok\" : 0|targets[0]: price.outputPerMTok must be a positive finite number, got 0.0",
        "unknown device|\"device\" : \"RPi 4B\"|\"device\" : \"RPi 9\"|draftProfiles[0].device: unknown device 'RPi 9'",
        "unknown field|\"paramsB\" : 1.24|\"paramB\" : 1.24|drafts[0].paramB: unknown field; allowed:",
        "string for number|\"paramsB\" : 1.24|\"paramsB\" : \"big\"|drafts[0].paramsB: must be a number, got string \"big\"",
        "wrong format|\"format\" : \"configspec-catalog\"|\"format\" : \"other\"|format: must be \"configspec-catalog\", got \"other\"",
        "missing name|\"name\" : \"RPi 4B\",|\"nickname\" : \"RPi 4B\",|devices[0].nickname: unknown field",
    })
    void badFieldsAreNamedWithTheirValue(String what, String from, String to, String expected) throws IOException {
        Path f = paperCopy(from, to);
        assertThatThrownBy(() -> CatalogReader.read(f)).isInstanceOf(ConfigSpecException.class)
                .hasMessageStartingWith("catalog " + f + ": ")
                .hasMessageContaining(expected)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void malformedJsonNamesLineAndColumn() throws IOException {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, "{\n  \"format\": \"configspec-catalog\",\n  \"version\": 1,,\n}");
        assertThatThrownBy(() -> CatalogReader.read(f)).isInstanceOf(ConfigSpecException.class)
                .hasMessageStartingWith("catalog " + f + ": malformed JSON at line 3, column");
    }

    @Test
    void missingSectionAndMissingFileAndEmptyFile() throws IOException {
        Path f = dir.resolve("incomplete.json");
        Files.writeString(f, "{\"format\": \"configspec-catalog\", \"version\": 1, \"name\": \"x\", \"devices\": []}");
        assertThatThrownBy(() -> CatalogReader.read(f)).hasMessage("catalog " + f + ": drafts: is missing");
        assertThatThrownBy(() -> CatalogReader.read(dir.resolve("nope.json"))).hasMessage("catalog " + dir.resolve("nope.json") + ": no such file");
        Path empty = dir.resolve("empty.json");
        Files.writeString(empty, "");
        assertThatThrownBy(() -> CatalogReader.read(empty)).hasMessageContaining("the file is empty");
    }

    @Test
    void unsupportedVersionIsRefused() throws IOException {
        Path f = paperCopy("\"version\" : 2", "\"version\" : 7");
        assertThatThrownBy(() -> CatalogReader.read(f)).hasMessageContaining("version: must be an integer in [1, 2], got 7");
    }
}

package org.configspec.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.configspec.core.error.ConfigSpecException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The strict input policy on catalogs: integers are range-checked instead of wrapped, duplicate keys, trailing
 * content, non-finite numbers and scalar coercion are refused, each with one line naming the field and the value.
 */
class CatalogStrictInputTest {
    @TempDir
    Path dir;

    private Path paperWith(String from, String to) throws IOException {
        String json = CatalogWriter.toJson(CatalogReader.paper());
        assertThat(json).contains(from);
        Path f = dir.resolve("catalog.json");
        Files.writeString(f, json.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to)));
        return f;
    }

    private void refused(Path f, String expected) {
        assertThatThrownBy(() -> CatalogReader.read(f)).isInstanceOf(ConfigSpecException.class)
                .hasMessageStartingWith("catalog " + f + ": ")
                .hasMessageContaining(expected)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // 2^32 + 2 was read as K = 2
        "K = 2^32 + 2|\"k\" : 2,|\"k\" : 4294967298,|acceptance[0].alpha[0].k: must be an integer in [1, 2147483647], got 4294967298",
        // 2^64 + 8 GiB was read as 8 GiB
        "memory 2^64 + 8 GiB|\"memoryBytes\" : 8589934592|\"memoryBytes\" : 18446744082299486208|devices[0].memoryBytes: must be an integer in [0, 9223372036854775807], got 18446744082299486208",
        // 2^70 was read as 0 = unknown, which switched the memory check off
        "memory 2^70|\"memoryBytes\" : 8589934592|\"memoryBytes\" : 1180591620717411303424|devices[0].memoryBytes: must be an integer in [0, 9223372036854775807], got 1180591620717411303424",
        "negative memory|\"memoryBytes\" : 8589934592|\"memoryBytes\" : -1|devices[0].memoryBytes: must be an integer in [0, 9223372036854775807], got -1",
        "n beyond int|\"n\" : 2|\"n\" : 2147483648|.n: must be an integer in [0, 2147483647], got 2147483648",
        "fraction for an integer|\"k\" : 2,|\"k\" : 2.5,|acceptance[0].alpha[0].k: must be an integer, got",
        "string for an integer|\"memoryBytes\" : 8589934592|\"memoryBytes\" : \"8589934592\"|devices[0].memoryBytes: must be an integer, got string",
        "number for a string|\"name\" : \"RPi 4B\"|\"name\" : 4|devices[0].name: must be a string, got number 4",
        "infinite number|\"value\" : 4.18|\"value\" : 1e999|number out of range (not a finite double)",
        "NaN literal|\"value\" : 4.18|\"value\" : NaN|malformed JSON at line",
        "duplicate key|\"name\" : \"RPi 4B\",|\"name\" : \"RPi 4B\", \"name\" : \"RPi 9\",|malformed JSON at line 8, column 30: Duplicate field 'name'",
        "missing aggregation|\"aggregation\" : \"mean\",|\"_\" : 0,|unknown field",
        "unknown aggregation|\"aggregation\" : \"mean\"|\"aggregation\" : \"mode\"|.aggregation: must be \"mean\" or \"median\", got \"mode\"",
        "wrong unit|\"unit\" : \"tok/s\"|\"unit\" : \"tok/min\"|draftProfiles[0].tokPerS.unit: must be \"tok/s\", got \"tok/min\"",
    })
    void badInputIsOneLineNamingFieldAndValue(String what, String from, String to, String expected) throws IOException {
        refused(paperWith(from, to), expected);
    }

    @Test
    void duplicateKeyErrorNamesTheKey() throws IOException {
        refused(paperWith("\"name\" : \"RPi 4B\",", "\"name\" : \"RPi 4B\", \"name\" : \"RPi 9\","), "'name'");
    }

    @Test
    void trailingContentAfterTheDocumentIsRefused() throws IOException {
        Path f = dir.resolve("trailing.json");
        Files.writeString(f, CatalogWriter.toJson(CatalogReader.paper()) + "{\"more\": 1}\n");
        refused(f, "malformed JSON at line");
        Files.writeString(f, CatalogWriter.toJson(CatalogReader.paper()) + "garbage");
        refused(f, "malformed JSON at line");
    }

    @Test
    void missingAggregationInVersion2IsNamed() throws IOException {
        Path f = paperWith("\"aggregation\" : \"mean\",", "");
        refused(f, "acceptance[0].alpha[0].aggregation: is missing");
    }
}

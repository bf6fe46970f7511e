package org.configspec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The strict input policy through the command line: a catalog file or a store export that would once have been read
 * with a wrapped integer, a duplicate key, trailing content or a coerced scalar exits 2 with one line naming the
 * field and the value.
 */
class StrictInputTest {
    @TempDir
    Path dir;
    Path export;

    @BeforeEach
    void exportPaperProfiles() throws IOException {
        Path db = dir.resolve("profiles.db");
        Path catalog = dir.resolve("paper.json");
        Files.writeString(catalog, Run.of("catalog", "--format", "json").out());
        export = dir.resolve("export.jsonl");
        // a store holding the paper's profiles, exported: every line a draft or acceptance document
        org.configspec.core.catalog.Catalog paper = org.configspec.core.catalog.CatalogReader.paper();
        try (var s = org.configspec.store.SqliteProfileStore.open(db)) {
            var p = paper.draftProfiles().get(0);
            s.put(new org.configspec.store.DraftDocument(p, paper.draft(p.draft(), p.quant()).orElseThrow(), "",
                    paper.device(p.device()).orElseThrow(), null).toDocument(java.time.Instant.parse("2026-11-28T12:00:00Z")));
            s.put(new org.configspec.store.AcceptanceDocument(paper.acceptance().get(0), "", "", null)
                    .toDocument(java.time.Instant.parse("2026-11-28T12:00:01Z")));
        }
        Run r = Run.of("store", "export", export.toString(), "--store", db.toString());
        assertThat(r.code()).as(r.err()).isZero();
    }

    private Path catalogWith(String from, String to) throws IOException {
        String paper = Run.of("catalog", "--format", "json").out();
        assertThat(paper).contains(from);
        Path f = dir.resolve("bad.json");
        Files.writeString(f, paper.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to)));
        return f;
    }

    private Path exportWith(String from, String to) throws IOException {
        String text = Files.readString(export);
        assertThat(text).contains(from);
        Path f = dir.resolve("bad.jsonl");
        Files.writeString(f, text.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to)));
        return f;
    }

    @ParameterizedTest(name = "catalog: {0}")
    @CsvSource(delimiter = '|', value = {
        "K = 2^32 + 2|\"k\" : 2,|\"k\" : 4294967298,|acceptance[0].alpha[0].k: must be an integer in [1, 2147483647], got 4294967298",
        "memory 2^64 + 8 GiB|\"memoryBytes\" : 8589934592|\"memoryBytes\" : 18446744082299486208|devices[0].memoryBytes: must be an integer in [0, 9223372036854775807], got 18446744082299486208",
        "memory 2^70|\"memoryBytes\" : 8589934592|\"memoryBytes\" : 1180591620717411303424|devices[0].memoryBytes: must be an integer in [0, 9223372036854775807], got 1180591620717411303424",
        "duplicate key|\"name\" : \"RPi 4B\",|\"name\" : \"RPi 4B\", \"name\" : \"RPi 9\",|Duplicate field 'name'",
        "string for a number|\"value\" : 4.18|\"value\" : \"4.18\"|draftProfiles[0].tokPerS.value: must be a number, got string \"4.18\"",
        "infinite number|\"value\" : 4.18|\"value\" : 1e999|draftProfiles[0].tokPerS.value: number out of range (not a finite double)",
    })
    void badCatalogExitsTwoWithOneLine(String what, String from, String to, String expected) throws IOException {
        Path f = catalogWith(from, to);
        assertOneLineError(Run.of("select", "--catalog", f.toString()), "configspec select: catalog " + f + ": ", expected);
    }

    @Test
    void trailingContentAfterACatalogExitsTwo() throws IOException {
        Path f = dir.resolve("trailing.json");
        Files.writeString(f, Run.of("catalog", "--format", "json").out() + "]");
        assertOneLineError(Run.of("catalog", "--catalog", f.toString()), "configspec catalog: catalog " + f + ": ", "malformed JSON at line");
    }

    @ParameterizedTest(name = "store import: {0}")
    @CsvSource(delimiter = '|', value = {
        "memory 2^70|\"memoryBytes\":8589934592|\"memoryBytes\":1180591620717411303424|device.memoryBytes must be an integer in [0, 9223372036854775807], got 1180591620717411303424",
        "threads 2^32 + 2|\"threads\":0|\"threads\":4294967298|threads must be an integer in [0, 2147483647], got 4294967298",
        "duplicate key|\"kind\":\"draft\",|\"kind\":\"draft\",\"kind\":\"acceptance\",|Duplicate field 'kind'",
        "K as a fraction|\"k\":2,|\"k\":2.0,|acceptance.alpha[0].k: must be an integer, got",
        "string for a number|\"value\":4.18|\"value\":\"4.18\"|draftProfile.tokPerS.value: must be a number, got string",
        "unknown aggregation|\"aggregation\":\"mean\"|\"aggregation\":\"mode\"|.aggregation: must be \"mean\" or \"median\", got \"mode\"",
        "version as a string|\"version\":2|\"version\":\"2\"|expected the header",
    })
    void badImportExitsTwoWithOneLine(String what, String from, String to, String expected) throws IOException {
        Path f = exportWith(from, to);
        assertOneLineError(Run.of("store", "import", f.toString(), "--store", dir.resolve("other.db").toString()),
                "configspec store import: import " + f + " line ", expected);
    }

    @Test
    void trailingContentOnAnImportLineExitsTwo() throws IOException {
        List<String> lines = Files.readAllLines(export);
        Path f = dir.resolve("trailing.jsonl");
        Files.write(f, List.of(lines.get(0), lines.get(1) + " {}"));
        assertOneLineError(Run.of("store", "import", f.toString(), "--store", dir.resolve("other.db").toString()),
                "configspec store import: import " + f + " line 2: ", "malformed JSON");
    }

    @Test
    void theExportReadsBackWhole() {
        Run r = Run.of("store", "import", export.toString(), "--store", dir.resolve("other.db").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("read 2, imported 2");
    }

    private static void assertOneLineError(Run run, String start, String expected) {
        assertThat(run.code()).as("exit code; stderr: %s", run.err()).isEqualTo(2);
        assertThat(run.err()).startsWith(start).contains(expected).doesNotContain("\tat ").endsWith("\n");
        assertThat(run.err().strip().lines()).hasSize(1);
    }
}

package org.configspec.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.configspec.core.catalog.Catalog;
import org.configspec.core.domain.Pricing;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.core.json.MachineJson;
import org.configspec.core.profile.DraftProfile;
import org.configspec.core.stats.Aggregation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A version 1 export (committed: {@code store-export-v1.jsonl}, as {@code configspec store export} wrote it, with a
 * {@code profile draft} document whose "mean" held a median) still imports and reads with the right aggregation;
 * new documents and exports are version 2 and round-trip.
 */
class StoreFormatVersionTest {
    @TempDir
    Path tmp;

    private static Path v1() throws URISyntaxException {
        return Path.of(StoreFormatVersionTest.class.getResource("/store-export-v1.jsonl").toURI());
    }

    @Test
    void version1ExportImportsWithTheMedianNamedAsSuch() throws Exception {
        try (ProfileStore s = SqliteProfileStore.open(tmp.resolve("a.db"))) {
            ImportReport r = JsonLines.importChecked(s, v1());
            assertThat(r.inserted()).isEqualTo(2);
            Catalog c = StoreCatalog.build(s, TargetPrices.of(Pricing.outputOnly(1)));
            DraftProfile p = c.draftProfiles().get(0);
            assertThat(p.tokPerS().aggregation()).isEqualTo(Aggregation.MEDIAN);
            assertThat(p.tokPerS().value()).isEqualTo(115.084);
            assertThat(p.tokPerS().n()).isEqualTo(5);
            assertThat(p.powerW().aggregation()).isEqualTo(Aggregation.MEDIAN);
            assertThat(c.acceptance().get(0).alphaByK().get(1).aggregation()).isEqualTo(Aggregation.MEAN);
            assertThat(c.acceptance().get(0).alphaByK().get(1).value()).isEqualTo(0.99);
        }
    }

    @Test
    void documentsAreWrittenAsVersion2AndReadBackEqual() throws Exception {
        try (ProfileStore old = SqliteProfileStore.open(tmp.resolve("a.db"));
             ProfileStore fresh = SqliteProfileStore.open(tmp.resolve("b.db"))) {
            JsonLines.importFile(old, v1());
            Catalog c = StoreCatalog.build(old, TargetPrices.of(Pricing.outputOnly(1)));
            DraftProfile p = c.draftProfiles().get(0);
            DraftDocument d = new DraftDocument(p, c.drafts().get(0), "", c.devices().get(0), null);
            ProfileDocument doc = d.toDocument(Instant.parse("2026-11-29T00:00:00Z"));
            assertThat(doc.document()).contains("\"aggregation\":\"median\"", "\"unit\":\"tok/s\"")
                    .doesNotContain("\"mean\"");
            assertThat(DraftDocument.parse(doc, "b").profile()).isEqualTo(p);
            fresh.put(doc);
            Path out = tmp.resolve("export.jsonl");
            JsonLines.export(fresh, out);
            List<String> lines = Files.readAllLines(out);
            assertThat(MachineJson.readTree(lines.get(0), "header").get("version").asInt()).isEqualTo(2);
            List<ProfileDocument> back = JsonLines.read(out);
            assertThat(back).hasSize(1);
            assertThat(back.get(0).sameContent(doc)).isTrue();
            assertThat(DraftDocument.parse(back.get(0), "export").profile()).isEqualTo(p);
        }
    }

    @Test
    void anUnknownExportVersionIsRefused() throws Exception {
        Path f = tmp.resolve("v3.jsonl");
        Files.writeString(f, Files.readString(v1()).replace("\"version\":1", "\"version\":3"));
        assertThatThrownBy(() -> JsonLines.read(f)).isInstanceOf(ConfigSpecException.class)
                .hasMessageStartingWith("import " + f + " line 1: expected the header");
    }
}

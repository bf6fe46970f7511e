package org.configspec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.configspec.core.catalog.Catalog;
import org.configspec.core.catalog.CatalogReader;
import org.configspec.core.domain.Target;
import org.configspec.core.profile.DraftProfile;
import org.configspec.store.AcceptanceDocument;
import org.configspec.store.DraftDocument;
import org.configspec.store.ProfileStore;
import org.configspec.store.ProfileStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** select --store evaluates stored profiles exactly like the same figures in a catalog. */
class SelectFromStoreTest {
    @TempDir
    Path dir;

    @Test
    void storedProfilesSelectLikeTheCatalogTheyCameFrom() {
        Path db = dir.resolve("profiles.db");
        Catalog paper = CatalogReader.paper();
        try (ProfileStore s = ProfileStores.open("sqlite:" + db)) {
            Instant t = Instant.parse("2026-11-28T00:00:00Z");
            for (DraftProfile p : paper.draftProfiles()) {
                s.put(new DraftDocument(p, paper.draft(p.draft(), p.quant()).orElseThrow(), "", paper.device(p.device()).orElseThrow(),
                        null).toDocument(t));
                t = t.plusSeconds(1);
            }
            for (var a : paper.acceptance()) {
                Target target = paper.target(a.target()).orElseThrow();
                s.put(new AcceptanceDocument(a, target.family(), target.hfId(), null).toDocument(t));
                t = t.plusSeconds(1);
            }
        }
        Run fromStore = Run.of("select", "--store", db.toString(), "--price-output", "0.59", "--target", "Qwen3-32B",
                "--format", "csv", "--all");
        Run fromCatalog = Run.of("select", "--target", "Qwen3-32B", "--format", "csv", "--all");
        assertThat(fromStore.err()).isEmpty();
        assertThat(fromStore.code()).isZero();
        assertThat(fromStore.out().lines().sorted().toList()).isEqualTo(fromCatalog.out().lines().sorted().toList());
        assertThat(fromStore.out().lines().count()).isEqualTo(1 + 8 * 3 * 9);

        Run noPrice = Run.of("select", "--store", db.toString());
        assertThat(noPrice.code()).isEqualTo(2);
        assertThat(noPrice.err()).contains("--store: stored profiles carry no prices; give --price-output");
        Run both = Run.of("select", "--store", db.toString(), "--catalog", "paper", "--price-output", "1");
        assertThat(both.err()).contains("--catalog and --store exclude each other");
    }

    @Test
    void selectSaysWhenItUsesProfilesMeasuredOnABusyMachine() {
        Path db = dir.resolve("busy.db");
        Catalog paper = CatalogReader.paper();
        try (ProfileStore s = ProfileStores.open("sqlite:" + db)) {
            Instant t = Instant.parse("2026-11-28T00:00:00Z");
            for (DraftProfile p : paper.draftProfiles()) {
                boolean busy = p.device().equals("RPi 5") && p.draft().equals("Qwen3-0.6B") && p.quant().equals("Q8_0");
                var prov = new org.configspec.store.ProfileProvenance("test", "", p.quant(), p.device(), "", 2, null,
                        t.toString(), busy ? "1-min load average 2.61 at start, 2.70 at end on 2 CPUs (limit 1.5)" : "");
                s.put(new DraftDocument(p, paper.draft(p.draft(), p.quant()).orElseThrow(), "",
                        paper.device(p.device()).orElseThrow(), prov).toDocument(t));
                t = t.plusSeconds(1);
            }
            for (var a : paper.acceptance()) {
                Target target = paper.target(a.target()).orElseThrow();
                s.put(new AcceptanceDocument(a, target.family(), target.hfId(), null).toDocument(t));
                t = t.plusSeconds(1);
            }
        }
        Run r = Run.of("select", "--store", db.toString(), "--price-output", "0.59", "--target", "Qwen3-32B");
        assertThat(r.code()).isZero();
        assertThat(r.err().lines().toList()).hasSize(1);
        assertThat(r.err()).startsWith("warning: 1 of the stored draft profiles used were measured on a busy machine")
                .contains("RPi 5 / Qwen3-0.6B").contains("1-min load average 2.61");
    }
}

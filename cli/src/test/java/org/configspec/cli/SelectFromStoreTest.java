package org.configspec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Function;
import org.configspec.core.catalog.Catalog;
import org.configspec.core.catalog.CatalogReader;
import org.configspec.core.domain.Target;
import org.configspec.core.profile.DraftProfile;
import org.configspec.store.AcceptanceDocument;
import org.configspec.store.DraftDocument;
import org.configspec.store.ProfileProvenance;
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
        Path db = storeOfPaperProfiles("profiles.db", p -> null);
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
        Path db = storeOfPaperProfiles("busy.db", p -> {
            boolean busy = p.device().equals("RPi 5") && p.draft().equals("Qwen3-0.6B") && p.quant().equals("Q8_0");
            return new ProfileProvenance("test", "", p.quant(), p.device(), "", 2, null, "2026-11-28",
                    busy ? "1-min load average 2.61 at start, 2.70 at end on 2 CPUs (limit 1.5)" : "");
        });
        Run r = Run.of("select", "--store", db.toString(), "--price-output", "0.59", "--target", "Qwen3-32B");
        assertThat(r.code()).isZero();
        assertThat(r.err().lines().toList()).hasSize(1);
        assertThat(r.err()).startsWith("warning: 1 of the stored draft profiles used were measured on a busy machine")
                .contains("RPi 5 / Qwen3-0.6B").contains("1-min load average 2.61");
    }

    /** A store holding the paper catalog's profiles as documents; {@code provenance} gives each draft profile's. */
    private Path storeOfPaperProfiles(String name, Function<DraftProfile, ProfileProvenance> provenance) {
        Path db = dir.resolve(name);
        Catalog paper = CatalogReader.paper();
        try (ProfileStore s = ProfileStores.open("sqlite:" + db)) {
            Instant t = Instant.parse("2026-11-28T00:00:00Z");
            for (DraftProfile p : paper.draftProfiles()) {
                s.put(new DraftDocument(p, paper.draft(p.draft(), p.quant()).orElseThrow(), "",
                        paper.device(p.device()).orElseThrow(), provenance.apply(p)).toDocument(t));
                t = t.plusSeconds(1);
            }
            for (var a : paper.acceptance()) {
                Target target = paper.target(a.target()).orElseThrow();
                s.put(new AcceptanceDocument(a, target.family(), target.hfId(), null).toDocument(t));
                t = t.plusSeconds(1);
            }
        }
        return db;
    }
}

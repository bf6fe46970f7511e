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
}

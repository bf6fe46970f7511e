package org.configspec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.configspec.core.catalog.Catalog;
import org.configspec.core.catalog.CatalogReader;
import org.configspec.core.domain.Target;
import org.configspec.core.model.VerifyTimeFit;
import org.configspec.core.profile.DraftProfile;
import org.configspec.store.AcceptanceDocument;
import org.configspec.store.DraftDocument;
import org.configspec.store.JsonLines;
import org.configspec.store.ProfileProvenance;
import org.configspec.store.ProfileStore;
import org.configspec.store.ProfileStores;
import org.configspec.store.RemoteSource;
import org.configspec.store.VerifyTimeDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stored verify-time profile replaces the constant T_v in explain, select and sweep --store for its target (explain
 * names it as the source); T_v flags on the command line still win; several measured targets in one evaluation are
 * refused with one line; the document survives export and import.
 */
class VerifyTimeFromStoreTest {
    static final String TARGET = "Qwen3-32B";

    @TempDir
    Path dir;

    @Test
    void explainUsesTheStoredFitAndNamesItsSource() {
        Path db = store();
        Run r = Run.of("explain", "--store", db.toString(), "--price-output", "0.59", "--target", TARGET, "--device",
                "RPi 5", "--draft", "Qwen3-0.6B", "--quant", "Q8_0", "-k", "4", "--context-tokens", "100");
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        // T_v(4) = RTT 0.02 + a (0.05 - 0.02) + 0.004 x 5 + 0.0001 x 100 = 0.08 s
        assertThat(r.out()).contains("T_v(K)").contains("0.08").contains("measured: verify-time profile verify-time-")
                .contains("llama-server b1234, stories, from laptop").contains("+ 0.0001 × (context 100)");

        Run flag = Run.of("explain", "--store", db.toString(), "--price-output", "0.59", "--target", TARGET,
                "--device", "RPi 5", "--draft", "Qwen3-0.6B", "--quant", "Q8_0", "-k", "4", "--t-verify", "0.5");
        assertThat(flag.code()).isZero();
        assertThat(flag.out()).doesNotContain("measured: verify-time profile").contains("fixed 0.5");
    }

    @Test
    void selectAndSweepUseItAndSeveralMeasuredTargetsAreRefused() {
        Path db = store();
        Run select = Run.of("select", "--store", db.toString(), "--price-output", "0.59", "--target", TARGET);
        assertThat(select.code()).isZero();
        assertThat(select.out()).contains("measured: verify-time profile");
        Run sweep = Run.of("sweep", "--store", db.toString(), "--price-output", "0.59", "--target", TARGET);
        assertThat(sweep.code()).isZero();

        Run all = Run.of("select", "--store", db.toString(), "--price-output", "0.59");
        assertThat(all.code()).isEqualTo(2);
        assertThat(all.err().strip()).startsWith("configspec select: --store: verify-time profiles are stored for")
                .contains("allowed: --target NAME").doesNotContain("\n");
    }

    @Test
    void theDocumentSurvivesExportAndImport() {
        Path db = store();
        Path file = dir.resolve("export.jsonl");
        try (ProfileStore s = ProfileStores.open("sqlite:" + db)) {
            JsonLines.export(s, file);
        }
        try (ProfileStore s = ProfileStores.open("sqlite:" + dir.resolve("copy.db"))) {
            JsonLines.importFile(s, file);
            var docs = VerifyTimeDocument.newestPerTarget(s);
            assertThat(docs).containsKey(TARGET);
            assertThat(docs.get(TARGET).getValue().fit().perTokenS()).isEqualTo(0.004);
            assertThat(docs.get(TARGET).getValue().remote().api()).isEqualTo("llama-server");
        }
    }

    /** The paper catalog's profiles, and verify-time profiles of Qwen3-32B and of the other target. */
    private Path store() {
        Path db = dir.resolve("profiles.db");
        Catalog paper = CatalogReader.paper();
        try (ProfileStore s = ProfileStores.open("sqlite:" + db)) {
            Instant t = Instant.parse("2026-11-28T00:00:00Z");
            for (DraftProfile p : paper.draftProfiles()) {
                s.put(new DraftDocument(p, paper.draft(p.draft(), p.quant()).orElseThrow(), "",
                        paper.device(p.device()).orElseThrow(), null).toDocument(t));
            }
            for (var a : paper.acceptance()) {
                Target target = paper.target(a.target()).orElseThrow();
                s.put(new AcceptanceDocument(a, target.family(), target.hfId(), null).toDocument(t));
            }
            List<String> targets = new ArrayList<>(List.of(TARGET));
            targets.add(paper.targets().stream().map(Target::name).filter(n -> !n.equals(TARGET)).findFirst()
                    .orElseThrow());
            for (String target : targets) {
                VerifyTimeFit fit = new VerifyTimeFit(0.05, 0.004, 0.0001, true, 51, 0.001, 0.003, 0.99);
                s.put(new VerifyTimeDocument(target, "laptop", 0.02, fit, List.of(32, 128), 16, 5, "llama-server: K + 1",
                        new RemoteSource("llama-server", "b1234", "stories", "http://127.0.0.1:8080", 1, 200, 0, 0),
                        new ProfileProvenance("test", "", "", "laptop", "", 0, 42L, "2026-11-29T00:00:00Z"))
                        .toDocument(t));
            }
        }
        return db;
    }
}

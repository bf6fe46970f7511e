package org.configspec.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.configspec.core.catalog.Catalog;
import org.configspec.core.catalog.CatalogReader;
import org.configspec.core.catalog.CatalogWriter;
import org.configspec.core.domain.Pricing;
import org.configspec.core.domain.Target;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.core.profile.DraftProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreCatalogTest {
    private static final Instant T0 = Instant.parse("2026-11-28T12:00:00Z");

    @TempDir
    Path tmp;

    /** Stores every figure of the built-in paper catalog as documents, one per profile. */
    static void storePaper(ProfileStore s, Catalog paper) {
        int i = 0;
        for (DraftProfile p : paper.draftProfiles()) {
            var model = paper.draft(p.draft(), p.quant()).orElseThrow();
            var device = paper.device(p.device()).orElseThrow();
            s.put(new DraftDocument(p, model, "", device, null).toDocument(T0.plusSeconds(i++)));
        }
        for (var a : paper.acceptance()) {
            Target t = paper.target(a.target()).orElseThrow();
            s.put(new AcceptanceDocument(a, t.family(), t.hfId(), null).toDocument(T0.plusSeconds(i++)));
        }
    }

    @Test
    void aCatalogBuiltFromStoredPaperProfilesHoldsTheSameFigures() {
        Catalog paper = CatalogReader.paper();
        Map<String, Pricing> prices = paper.targets().stream().collect(Collectors.toMap(Target::name, Target::price));
        try (ProfileStore s = SqliteProfileStore.open(tmp.resolve("p.db"))) {
            storePaper(s, paper);
            Catalog built = StoreCatalog.build(s, new TargetPrices(prices, null));
            assertThat(json(built.draftProfiles())).containsExactlyInAnyOrderElementsOf(json(paper.draftProfiles()));
            assertThat(built.acceptance()).map(CatalogWriter::acceptance)
                    .containsExactlyInAnyOrderElementsOf(paper.acceptance().stream().map(CatalogWriter::acceptance).toList());
            assertThat(built.targets()).containsExactlyInAnyOrderElementsOf(paper.targets());
            Map<String, Object> profiled = new HashMap<>();
            paper.draftProfiles().forEach(p -> profiled.put(p.device(), paper.device(p.device()).orElseThrow()));
            assertThat(built.devices()).containsExactlyInAnyOrderElementsOf(profiled.values().stream()
                    .map(o -> (org.configspec.core.domain.Device) o).toList());
            assertThat(built.drafts()).allSatisfy(d -> assertThat(paper.drafts()).contains(d));
        }
    }

    private static List<String> json(List<DraftProfile> ps) {
        return ps.stream().map(p -> CatalogWriter.draftProfile(p).toString()).toList();
    }

    @Test
    void aDraftDocumentReadsBackAsWritten() {
        Catalog paper = CatalogReader.paper();
        DraftProfile p = paper.draftProfiles().get(0);
        DraftDocument d = new DraftDocument(p, paper.draft(p.draft(), p.quant()).orElseThrow(), "ab".repeat(32),
                paper.device(p.device()).orElseThrow(),
                new ProfileProvenance("configspec 0.1.0", "ab".repeat(32), p.quant(), p.device(), "pmic", 4, 42L, "2026-11-28"));
        DraftDocument back = DraftDocument.parse(d.toDocument(T0), "test");
        assertThat(CatalogWriter.draftProfile(back.profile())).isEqualTo(CatalogWriter.draftProfile(p));
        assertThat(back.model()).isEqualTo(d.model());
        assertThat(back.device()).isEqualTo(d.device());
        assertThat(back.provenance()).isEqualTo(d.provenance());
        assertThat(back.modelSha256()).isEqualTo("ab".repeat(32));
        assertThat(d.toDocument(T0).keys()).isEqualTo(new ProfileKeys(p.device(), p.draft(), p.quant(), null));
    }

    @Test
    void aBusyMachineFlagIsStoredReadBackAndListedForTheProfilesACatalogUses() {
        Catalog paper = CatalogReader.paper();
        DraftProfile p = paper.draftProfiles().get(0);
        String why = "1-min load average 2.61 at start, 2.70 at end on 2 CPUs (limit 1.5)";
        DraftDocument busy = new DraftDocument(p, paper.draft(p.draft(), p.quant()).orElseThrow(), "",
                paper.device(p.device()).orElseThrow(),
                new ProfileProvenance("t", "", p.quant(), p.device(), "", 2, null, "2026-11-28", why));
        DraftDocument back = DraftDocument.parse(busy.toDocument(T0), "test");
        assertThat(back.provenance().flagged()).isTrue();
        assertThat(back.provenance().contention()).isEqualTo(why);
        // an unflagged provenance writes no field: documents stored before the flag existed keep their ids
        assertThat(new ProfileProvenance("t", "", "", "", "", 0, null, "").toJson().has("contention")).isFalse();
        try (ProfileStore s = SqliteProfileStore.open(tmp.resolve("flags.db"))) {
            s.put(busy.toDocument(T0));
            assertThat(StoreCatalog.flaggedDraftProfiles(s)).containsExactly(p.device() + " / "
                    + busy.model().id() + " (" + busy.toDocument(T0).id() + "): " + why);
            // profiling again on a quiet machine supersedes the flagged figures
            s.put(new DraftDocument(p, busy.model(), "", busy.device(), null).toDocument(T0.plusSeconds(60)));
            assertThat(StoreCatalog.flaggedDraftProfiles(s)).isEmpty();
        }
    }

    @Test
    void anEmptyStoreGivesAClearError() {
        try (ProfileStore s = SqliteProfileStore.open(tmp.resolve("empty.db"))) {
            assertThatThrownBy(() -> StoreCatalog.build(s, TargetPrices.of(Pricing.outputOnly(1))))
                    .isInstanceOf(ConfigSpecException.class)
                    .hasMessageContaining("empty.db").hasMessageContaining("no usable profiles")
                    .hasMessageContaining("0 draft and 0 acceptance");
        }
    }

    @Test
    void aTargetWithoutAPriceIsNamed() {
        Catalog paper = CatalogReader.paper();
        try (ProfileStore s = SqliteProfileStore.open(tmp.resolve("p.db"))) {
            storePaper(s, paper);
            assertThatThrownBy(() -> StoreCatalog.build(s, new TargetPrices(Map.of(), null)))
                    .isInstanceOf(ConfigSpecException.class).hasMessageContaining("has no price")
                    .hasMessageContaining(paper.acceptance().get(0).target());
            assertThat(StoreCatalog.build(s, TargetPrices.of(Pricing.outputOnly(0.5))).targets())
                    .allSatisfy(t -> assertThat(t.price().outputPerMTok()).isEqualTo(0.5));
        }
    }

    @Test
    void aMalformedStoredDocumentIsNamedByItsId() {
        Catalog paper = CatalogReader.paper();
        try (ProfileStore s = SqliteProfileStore.open(tmp.resolve("bad.db"))) {
            storePaper(s, paper);
            s.put(new ProfileDocument("draft-broken", "draft", new ProfileKeys("x", "y", "Q8_0", null), T0,
                    "{\"draftProfile\":{\"device\":\"x\",\"draft\":\"y\",\"quant\":\"Q8_0\",\"tokPerS\":{\"mean\":-1}},"
                            + "\"model\":{\"name\":\"y\",\"quant\":\"Q8_0\",\"paramsB\":1},\"device\":{\"name\":\"x\"}}"));
            assertThatThrownBy(() -> StoreCatalog.build(s, TargetPrices.of(Pricing.outputOnly(1))))
                    .isInstanceOf(ConfigSpecException.class).hasMessageContaining("draft-broken")
                    .hasMessageContaining("tokPerS");
        }
    }
}

package org.configspec.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.configspec.core.catalog.Catalog;
import org.configspec.core.catalog.CatalogReader;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.core.validation.ValidationPoint;
import org.configspec.core.validation.ValidationReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store query that turns stored profiles into model inputs, and the "validation" document it saves: the inputs
 * are the newest documents of the draft and the acceptance pair, a missing or ambiguous profile is one line naming
 * what to do, and the saved document carries the inputs' ids, every point (NaN as null) and provenance.
 */
class StoredProfilesTest {
    private static final String DRAFT = "Qwen3-0.6B";
    private static final String TARGET = "Qwen3-32B";

    @TempDir
    Path tmp;

    private StoreLocation paperStore() {
        Path db = tmp.resolve("p.db");
        try (ProfileStore s = SqliteProfileStore.open(db)) {
            StoreCatalogTest.storePaper(s, CatalogReader.paper());
        }
        return StoreLocation.parse(db.toString());
    }

    @Test
    void inputsComeFromTheNewestDraftAndAcceptanceDocuments() {
        StoreLocation where = paperStore();
        StoredProfiles p = StoredProfiles.load(where, "RPi 5", DRAFT, TARGET);
        assertThat(p.keys().device()).isEqualTo("RPi 5");
        assertThat(p.keys().draft()).isEqualTo(DRAFT);
        assertThat(p.keys().target()).isEqualTo(TARGET);
        try (ProfileStore s = ProfileStores.open(where)) {
            List<ProfileDocument> drafts = s.list(new ProfileFilter(DraftDocument.KIND, "RPi 5", DRAFT, null));
            ProfileDocument newest = drafts.get(drafts.size() - 1);
            assertThat(p.inputs().draftId()).isEqualTo(newest.id());
            assertThat(p.inputs().draftTokensPerSecond())
                    .isEqualTo(DraftDocument.parse(newest, "t").profile().tokPerS().value());
            List<ProfileDocument> accs = s.list(new ProfileFilter(AcceptanceDocument.KIND, null, DRAFT, TARGET));
            assertThat(p.inputs().acceptanceId()).isEqualTo(accs.get(accs.size() - 1).id());
        }
        Catalog paper = CatalogReader.paper();
        assertThat(p.inputs().acceptance().tokensPerRound(4)).isEqualTo(paper.acceptance().stream()
                .filter(a -> a.draft().equals(DRAFT) && a.target().equals(TARGET)).findFirst().orElseThrow()
                .curve(org.configspec.core.acceptance.AcceptanceMode.AUTO).tokensPerRound(4));
    }

    @Test
    void aDraftOnSeveralDevicesNeedsADeviceAndAMissingProfileSaysHowToMakeIt() {
        StoreLocation where = paperStore();
        assertThatThrownBy(() -> StoredProfiles.load(where, null, DRAFT, TARGET))
                .isInstanceOf(ConfigSpecException.class)
                .hasMessageContaining("profiled on several devices; pick one with --device: Jetson AGX Orin, RPi 4B, RPi 5");
        assertThatThrownBy(() -> StoredProfiles.load(where, "Pi Zero", DRAFT, TARGET))
                .hasMessageContaining("no draft profile of " + DRAFT + " on device 'Pi Zero'");
        assertThatThrownBy(() -> StoredProfiles.load(where, "RPi 5", DRAFT, "GPT-5"))
                .hasMessageContaining("no acceptance profile of " + DRAFT + " against GPT-5")
                .hasMessageContaining("configspec profile all --store");
        assertThatThrownBy(() -> StoredProfiles.load(where, null, "Nope-1B", TARGET))
                .hasMessageContaining("no draft profile of Nope-1B on any device");
    }

    @Test
    void aSavedValidationIsAValidationDocumentWithItsInputsAndPoints() {
        StoreLocation where = paperStore();
        StoredProfiles p = StoredProfiles.load(where, "RPi 5", DRAFT, TARGET);
        ValidationPoint point = new ValidationPoint(50, 3, 10, 2.5, 2.6, 11.0, 12.0, 80, 75, false, 1e6, 1.1e6,
                Double.NaN, 0.5);
        ValidationReport r = new ValidationReport(0.7, p.inputs().draftTokensPerSecond(), 20, 1.5, List.of(point),
                p.inputs(), 0.9);
        String id = p.save(r, "d".repeat(64), "t".repeat(64), 2, 48, 1);
        assertThat(id).startsWith(ValidationDocuments.KIND + "-");
        try (ProfileStore s = ProfileStores.open(where)) {
            ProfileDocument d = s.get(id).orElseThrow();
            assertThat(d.kind()).isEqualTo("validation");
            assertThat(d.keys()).isEqualTo(p.keys());
            JsonNode n = d.tree();
            assertThat(n.at("/inputs/acceptance/source").asText()).isEqualTo(p.inputs().acceptanceId());
            assertThat(n.at("/inputs/draftTokPerS/source").asText()).isEqualTo(p.inputs().draftId());
            assertThat(n.at("/points/0/k").asInt()).isEqualTo(3);
            assertThat(n.at("/points/0/goodput/measured").asDouble()).isEqualTo(11.0);
            assertThat(n.at("/points/0/joulesPerToken/measured").isNull()).as("NaN is stored as null").isTrue();
            assertThat(n.at("/perRtt/0/bestKMeasured").asInt()).isEqualTo(3);
            assertThat(n.at("/settings/tokens").asInt()).isEqualTo(48);
            assertThat(n.at("/provenance/tool").asText()).isEqualTo(StoredProfiles.TOOL);
            assertThat(n.at("/models/targetSha256").asText()).isEqualTo("t".repeat(64));
        }
    }
}

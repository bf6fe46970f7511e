package org.configspec.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import org.configspec.core.json.MachineJson;
import org.configspec.core.profile.DraftProfile;
import org.configspec.core.stats.Aggregation;
import org.junit.jupiter.api.Test;

/**
 * Catalog format version 2 names the aggregation of every figure; version 1 files (a committed copy of the built-in
 * catalog as it was, {@code catalogs/paper-v1.json}) still read, as means, except the draft profiles that version 1
 * wrote with a median in "mean".
 */
class CatalogVersionTest {
    private static JsonNode v1() throws IOException {
        try (InputStream in = CatalogVersionTest.class.getResourceAsStream("/catalogs/paper-v1.json")) {
            return MachineJson.readTree(in.readAllBytes(), "paper-v1.json");
        }
    }

    @Test
    void version1FixtureReadsAsTheSameFiguresWithAggregationMean() throws IOException {
        JsonNode v1 = v1();
        assertThat(v1.get("version").asInt()).isEqualTo(1);
        Catalog old = CatalogReader.parse(v1, "paper-v1.json");
        Catalog now = CatalogReader.paper();
        assertThat(old.draftProfiles()).isEqualTo(now.draftProfiles());
        assertThat(old.acceptance()).hasSameSizeAs(now.acceptance());
        for (int i = 0; i < now.acceptance().size(); i++) {
            assertThat(old.acceptance().get(i).alphaByK()).isEqualTo(now.acceptance().get(i).alphaByK());
        }
        assertThat(old.draftProfiles()).allSatisfy(p -> assertThat(p.tokPerS().aggregation()).isEqualTo(Aggregation.MEAN));
        assertThat(CatalogWriter.toJson(old)).isEqualTo(CatalogWriter.toJson(now));
    }

    @Test
    void writerWritesVersion2WithAggregationAndUnitAndReadsItBack() throws IOException {
        String v2 = CatalogWriter.toJson(CatalogReader.parse(v1(), "paper-v1.json"));
        JsonNode tree = MachineJson.readTree(v2, "v2");
        assertThat(tree.get("version").asInt()).isEqualTo(2);
        JsonNode speed = tree.get("draftProfiles").get(0).get("tokPerS");
        assertThat(speed.get("aggregation").asText()).isEqualTo("mean");
        assertThat(speed.get("unit").asText()).isEqualTo("tok/s");
        assertThat(speed.has("mean")).isFalse();
        JsonNode alpha = tree.get("acceptance").get(0).get("alpha").get(0);
        assertThat(alpha.get("unit").asText()).isEqualTo("fraction");
        assertThat(CatalogWriter.toJson(CatalogReader.parse(tree, "v2"))).isEqualTo(v2);
    }

    @Test
    void version1DraftProfileOfProfileDraftHeldAMedian() throws IOException {
        ObjectNode p = (ObjectNode) v1().get("draftProfiles").get(0).deepCopy();
        ((ObjectNode) p.get("tokPerS")).put("n", 5);
        ((ObjectNode) p.get("provenance")).put("tool",
                "configspec profile draft; llama.cpp 80fb11a; decode tok/s median at depth 0 over 5 reps of 32 tokens");
        DraftProfile read = CatalogReader.draftProfile(p, "v1 document", CatalogReader.VERSION_1);
        assertThat(read.tokPerS().aggregation()).isEqualTo(Aggregation.MEDIAN);
        assertThat(read.tokPerS().value()).isEqualTo(4.18);
        assertThat(CatalogReader.formatVersion(p)).isEqualTo(1);

        // n = 0: a llama-bench row without samples, whose figure is avg_ts: a mean
        ((ObjectNode) p.get("tokPerS")).remove("n");
        assertThat(CatalogReader.draftProfile(p, "v1 document").tokPerS().aggregation()).isEqualTo(Aggregation.MEAN);

        JsonNode v2 = CatalogWriter.draftProfile(read);
        assertThat(v2.get("tokPerS").get("aggregation").asText()).isEqualTo("median");
        assertThat(CatalogReader.formatVersion(v2)).isEqualTo(2);
        assertThat(CatalogReader.draftProfile(v2, "v2 document")).isEqualTo(read);
    }
}

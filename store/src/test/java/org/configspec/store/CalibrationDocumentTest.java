package org.configspec.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.configspec.core.calibration.BatchTiming;
import org.configspec.core.calibration.PassCosts;
import org.configspec.core.calibration.ServiceTimeFit;
import org.configspec.core.error.ConfigSpecException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "calibration" document: it round-trips a real SQLite store and an export/import to a second store unchanged,
 * the newest one for a target is the one read back, a file holding the document reads the same, and a damaged
 * document is refused at import with one line naming the field (nothing stored).
 */
class CalibrationDocumentTest {
    @TempDir
    Path tmp;

    static CalibrationDocument sample(String date) {
        List<BatchTiming> shapes = List.of(new BatchTiming(1, 1, 0.0031, 9), new BatchTiming(1, 8, 0.0062, 9),
                new BatchTiming(4, 1, 0.0071, 9), new BatchTiming(4, 8, 0.0188, 9));
        ServiceTimeFit fit = ServiceTimeFit.fit(shapes);
        ProfileProvenance p = new ProfileProvenance("configspec 0.1.0 profile verifier", "ab".repeat(32), "F32",
                "test-host", "none", 2, null, date, "");
        return new CalibrationDocument("stories15M-f32", fit, shapes, 3, 50, 16, 2, "llama.cpp 0.4.0 (libllama.so)",
                "x86_64, 2 processors", p);
    }

    @Test
    void roundTripsTheStoreAndAnExportImport() {
        CalibrationDocument older = sample("2026-11-29");
        CalibrationDocument newer = sample("2026-11-30");
        Path a = tmp.resolve("a.db");
        Path export = tmp.resolve("x.jsonl");
        try (ProfileStore s = SqliteProfileStore.open(a)) {
            s.put(older.toDocument(Instant.parse("2026-11-29T10:00:00Z")));
            s.put(newer.toDocument(Instant.parse("2026-11-30T10:00:00Z")));
            assertThat(CalibrationDocument.latest(s, "stories15M-f32")).contains(newer);
            assertThat(CalibrationDocument.latest(s, "other")).isEmpty();
            assertThat(JsonLines.export(s, export)).isEqualTo(2);
        }
        try (ProfileStore b = SqliteProfileStore.open(tmp.resolve("b.db"))) {
            assertThat(JsonLines.importChecked(b, export).inserted()).isEqualTo(2);
            CalibrationDocument back = CalibrationDocument.latest(b, null).orElseThrow();
            assertThat(back).isEqualTo(newer);
            assertThat(back.fit().range()).isEqualTo(newer.fit().range());
            assertThat(back.provenance().modelSha256()).isEqualTo("ab".repeat(32));
        }
    }

    @Test
    void aFileHoldingTheDocumentReadsTheSame() throws Exception {
        CalibrationDocument d = sample("2026-11-30");
        Path f = tmp.resolve("cal.json");
        Files.writeString(f, d.toDocument(Instant.EPOCH).document());
        assertThat(CalibrationDocument.read(f)).isEqualTo(d);
    }

    @Test
    void aDamagedDocumentIsRefusedAtImportAndNothingIsStored() throws Exception {
        String good = sample("2026-11-30").toDocument(Instant.EPOCH).document();
        String bad = good.replace("\"perTokenS\":", "\"perTokenS\":-1,\"x\":");
        Path f = tmp.resolve("bad.jsonl");
        Files.writeString(f, "{\"format\":\"configspec-store-export\",\"version\":2}\n"
                + "{\"id\":\"calibration-x\",\"kind\":\"calibration\",\"created\":\"2026-11-30T00:00:00Z\",\"document\":"
                + bad + "}\n");
        try (ProfileStore s = SqliteProfileStore.open(tmp.resolve("c.db"))) {
            assertThatThrownBy(() -> JsonLines.importChecked(s, f)).isInstanceOf(ConfigSpecException.class)
                    .hasMessageContaining("line 2").hasMessageContaining("coefficients.perTokenS must be >= 0 seconds, got -1.0")
                    .hasMessageNotContaining("\n");
            assertThat(s.list(ProfileFilter.ALL)).isEmpty();
        }
    }

    @Test
    void thePassCostsTravelWithTheDocumentAndOlderDocumentsHaveNone() throws Exception {
        CalibrationDocument plain = sample("2026-11-30");
        CalibrationDocument withPasses = new CalibrationDocument(plain.target(), plain.fit(), plain.shapes(),
                plain.repetitions(), plain.maxWaitMs(), plain.maxSessions(), plain.partialBatches(), plain.library(),
                plain.machine(), plain.provenance(), new PassCosts(0.0077, 0.00057));
        Path f = tmp.resolve("passes.json");
        Files.writeString(f, withPasses.toDocument(Instant.EPOCH).document());
        assertThat(CalibrationDocument.read(f).passes()).isEqualTo(new PassCosts(0.0077, 0.00057));
        assertThat(Files.readString(f)).contains("\"passes\"");
        Path old = tmp.resolve("old.json");
        Files.writeString(old, plain.toDocument(Instant.EPOCH).document());
        assertThat(Files.readString(old)).doesNotContain("\"passes\"");
        assertThat(CalibrationDocument.read(old).passes()).isNull();

        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, Files.readString(f).replace("\"padTokenS\":5.7E-4", "\"padTokenS\":0"));
        assertThatThrownBy(() -> CalibrationDocument.read(bad)).isInstanceOf(ConfigSpecException.class)
                .hasMessageContaining("passes.padTokenS must be > 0 seconds, got 0.0").hasMessageNotContaining("\n");
    }
}

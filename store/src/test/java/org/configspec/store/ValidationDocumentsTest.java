package org.configspec.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.configspec.core.validation.StoredValidation;
import org.configspec.core.validation.ValidationPoint;
import org.configspec.core.validation.ValidationReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stored validation run reads back as it was saved: its keys and every figure of every (RTT, K) point. */
class ValidationDocumentsTest {
    @TempDir
    Path dir;

    @Test
    void aStoredValidationRunReadsBackWithEveryPoint() {
        ValidationPoint a = new ValidationPoint(0, 2, 40, 2.4, 2.5, 10.5, 11.0, 70, 72, false, 1e6, 1.05e6, 0.4, 0.38);
        ValidationPoint b = new ValidationPoint(20, 4, 30, 3.1, 3.3, 9.0, 8.7, 95, 90, true, 0.9e6, 0.95e6, Double.NaN,
                Double.NaN);
        ValidationReport r = new ValidationReport(0.7, 900, 20, 1.5, List.of(a, b), null, 0.59);
        ProfileKeys keys = new ProfileKeys("RPi 5", "Qwen3-0.6B", "Q4_K_M", "Qwen3-32B");
        ProfileProvenance prov = new ProfileProvenance("configspec validate", "", "Q4_K_M", "RPi 5", "", 2, 1L,
                "2026-11-30");
        try (ProfileStore s = ProfileStores.open("sqlite:" + dir.resolve("v.db"))) {
            s.put(ValidationDocuments.of(r, keys, "", "", prov, 48, 2, Instant.parse("2026-11-30T01:00:00Z")));
            List<StoredValidation> all = ValidationDocuments.all(s);
            assertThat(all).singleElement().satisfies(v -> {
                assertThat(List.of(v.device(), v.draft(), v.quant(), v.target()))
                        .containsExactly("RPi 5", "Qwen3-0.6B", "Q4_K_M", "Qwen3-32B");
                assertThat(v.created()).isEqualTo("2026-11-30T01:00:00Z");
                assertThat(v.points()).as("record equality: NaN equals NaN").containsExactly(a, b);
            });
        }
    }
}

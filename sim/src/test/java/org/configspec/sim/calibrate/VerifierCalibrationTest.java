package org.configspec.sim.calibrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.configspec.core.calibration.BatchTiming;
import org.configspec.llm.NeedsLlama;
import org.configspec.llm.cpu.CpuAffinity;
import org.configspec.llm.cpu.CpuSplit;
import org.configspec.store.CalibrationDocument;
import org.configspec.store.ProfileStore;
import org.configspec.store.ProfileStores;
import org.configspec.store.StoreLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small real calibration: the real verifier on stories15M, four batch shapes, a few rounds each. The shapes it
 * reports are the ones asked for (lock-step clients fill each batch), the per-token cost it fits is positive (more
 * positions per batch take longer), and the stored document carries the provenance (model sha256, threads, library,
 * machine, date) and reads back equal from the store and from the file written beside it. It runs as 'profile verifier'
 * does by default: pinned when the machine has two CPUs or more, which the machine line records.
 */
@NeedsLlama
class VerifierCalibrationTest {
    @TempDir
    Path tmp;

    @Test
    void aSmallRealCalibrationFitsAPositiveTokenCostAndStoresItWithProvenance() throws Exception {
        StoreLocation where = StoreLocation.parse(tmp.resolve("s.db").toString());
        Path file = tmp.resolve("cal.json");
        VerifierCalibration.Request r = new VerifierCalibration.Request("stories15M-f32", 1, List.of(1, 4),
                List.of(1, 16), 3, 1, Duration.ofMillis(200), CpuSplit.choose(null, 1, CpuAffinity.system(), "pin"));
        CalibrationRun.Result res = CalibrationRun.run(r, where, file);
        CalibrationDocument d = res.document();
        assertThat(d.shapes()).extracting(BatchTiming::sessions).contains(1, 4);
        assertThat(d.shapes()).extracting(BatchTiming::k).containsOnly(1, 16);
        assertThat(d.fit().perTokenS()).isPositive();
        assertThat(d.fit().fixedS()).isGreaterThanOrEqualTo(0);
        assertThat(d.fit().perSessionS()).isGreaterThanOrEqualTo(0);
        assertThat(d.fit().range().maxK()).isEqualTo(16);
        assertThat(d.provenance().modelSha256()).matches("[0-9a-f]{64}");
        assertThat(d.provenance().threads()).isEqualTo(1);
        assertThat(d.provenance().date()).startsWith("20");
        assertThat(d.library()).startsWith("llama.cpp ");
        assertThat(d.machine()).contains("processors").endsWith("; " + CpuSplit.describe(r.pinning()));
        assertThat(res.text()).contains("fit: service time = ").contains("stored as " + res.storedId());
        try (ProfileStore s = ProfileStores.open(where)) {
            assertThat(CalibrationDocument.latest(s, "stories15M-f32")).contains(d);
        }
        assertThat(CalibrationDocument.read(file)).isEqualTo(d);
    }
}

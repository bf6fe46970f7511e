package org.configspec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.configspec.core.calibration.BatchTiming;
import org.configspec.core.calibration.PassCosts;
import org.configspec.core.calibration.ServiceTimeFit;
import org.configspec.store.CalibrationDocument;
import org.configspec.store.ProfileProvenance;
import org.configspec.store.ProfileStore;
import org.configspec.store.SqliteProfileStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * simulate --calibration: the fitted service time replaces the flags and is named in the output; a batch the
 * calibration did not measure is one line and exit 2 unless --extrapolate; the store's newest calibration is used;
 * --scale-verify-to keeps the fit's shape while setting one K = 4 round to the given time; --optimize prints a table.
 */
class SimulateCalibrationTest {
    private static final String ONE = "simulate --target Qwen3-32B --device RPi~5 --draft Qwen3-0.6B --quant Q8_0 -k 4"
            + " --duration 60s --rtt 20ms";

    @TempDir
    Path tmp;

    private Path file;

    @BeforeEach
    void calibrationOfOneToEightSessions() throws Exception {
        List<BatchTiming> shapes = new ArrayList<>();
        for (int s : new int[] {1, 2, 4, 8}) {
            for (int k : new int[] {1, 4, 8}) {
                shapes.add(new BatchTiming(s, k, 0.002 + 0.0005 * s * (k + 1) + 0.001 * s, 10));
            }
        }
        CalibrationDocument d = new CalibrationDocument("stories15M-f32", ServiceTimeFit.fit(shapes), shapes, 3, 20, 8,
                0, "llama.cpp test", "test machine", new ProfileProvenance("configspec test", "", "F32", "host", "none",
                1, null, "2026-11-30", ""));
        file = tmp.resolve("cal.json");
        Files.writeString(file, d.toDocument(Instant.EPOCH).document());
        try (ProfileStore s = SqliteProfileStore.open(tmp.resolve("s.db"))) {
            s.put(d.toDocument(Instant.EPOCH));
        }
    }

    @Test
    void theFitReplacesTheConstantAndIsNamedInTheOutput() {
        Run r = Run.line(ONE + " --clients 4 --calibration " + file);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("service time: 2 ms + 0.5 ms per token + 1 ms per session (fitted: stories15M-f32,"
                + " 2026-11-30, 1 thread(s); measured on batches of 1..8 sessions at K 1..8; no pass costs recorded:"
                + " every batch one pass, whatever its sessions' slots)");
        Run fromStore = Run.line(ONE + " --clients 4 --calibration store:" + tmp.resolve("s.db"));
        assertThat(fromStore.out()).as(fromStore.err()).isEqualTo(r.out());
    }

    @Test
    void aCalibrationWithPassCostsChargesTheSessionsSlots() throws Exception {
        CalibrationDocument plain = CalibrationDocument.read(file);
        CalibrationDocument withPasses = new CalibrationDocument(plain.target(), plain.fit(), plain.shapes(),
                plain.repetitions(), plain.maxWaitMs(), plain.maxSessions(), plain.partialBatches(), plain.library(),
                plain.machine(), plain.provenance(), new PassCosts(0.007, 0.0005));
        Path f = tmp.resolve("cal-passes.json");
        Files.writeString(f, withPasses.toDocument(Instant.EPOCH).document());
        Run r = Run.line(ONE + " --clients 8 --calibration " + f);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("sessions in non-consecutive slots: 7 ms per extra pass, 0.5 ms per padding token")
                .doesNotContain("no pass costs recorded");
    }

    @Test
    void aBatchBeyondTheCalibrationIsOneLineAndExitTwoUnlessExtrapolated() {
        Run r = Run.line(ONE + " --clients 32 --max-batch 16 --calibration " + file);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("configspec simulate: --calibration covers batches of 1..8 sessions at K 1..8; the"
                + " simulation formed a batch of ").endsWith("give --extrapolate to use the fit outside its range")
                .doesNotContain("\n");
        assertThat(r.out()).isEmpty();
        Run k = Run.line(ONE.replace("-k 4", "-k 9") + " --k-max 10 --calibration " + file);
        assertThat(k.code()).isEqualTo(2);
        assertThat(k.err()).contains("a batch of 1 sessions and 10 tokens");
        Run x = Run.line(ONE + " --clients 32 --max-batch 16 --calibration " + file + " --extrapolate");
        assertThat(x.code()).as(x.err()).isZero();
        assertThat(x.out()).contains("extrapolated beyond");
    }

    @Test
    void scalingKeepsTheShapeAndSetsOneRoundOfKFourToTheGivenTime() {
        Run r = Run.line(ONE + " --calibration " + file + " --scale-verify-to 500ms");
        assertThat(r.code()).as(r.err()).isZero();
        // one session at K = 4: 2 + 0.5 × 5 + 1 = 5.5 ms, scaled ×90.91 to 500 ms
        assertThat(r.out()).contains("service time: 181.8 ms + 45.45 ms per token + 90.91 ms per session")
                .contains("scaled ×90.91 so that 1 session at K = 4 takes 500 ms");
    }

    @Test
    void badCalibrationInputIsOneLineAndExitTwo() throws Exception {
        Run both = Run.line(ONE + " --calibration " + file + " --t-verify 0.3");
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err().strip()).isEqualTo("configspec simulate: --calibration replaces --t-verify; give one of them");
        Run noFit = Run.line(ONE + " --extrapolate");
        assertThat(noFit.err().strip()).isEqualTo("configspec simulate: --extrapolate needs --calibration (flags have no range to"
                + " extrapolate from)");
        Path empty = tmp.resolve("empty.db");
        SqliteProfileStore.open(empty).close();
        Run none = Run.line(ONE + " --calibration store:" + empty);
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("holds no calibration; make one with 'configspec profile verifier --store'");
        Run opt = Run.line(ONE + " --optimize k --format json");
        assertThat(opt.code()).isEqualTo(2);
        assertThat(opt.err().strip())
                .isEqualTo("configspec simulate: --optimize prints a table only; leave out --format json");
        Path wrong = tmp.resolve("wrong.json");
        Files.writeString(wrong, "{\"kind\":\"draft\"}");
        Run bad = Run.line(ONE + " --calibration " + wrong);
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err().strip()).isEqualTo("configspec simulate: --calibration " + wrong + ": field kind is 'draft'; a"
                + " calibration document has kind 'calibration'");
    }
}

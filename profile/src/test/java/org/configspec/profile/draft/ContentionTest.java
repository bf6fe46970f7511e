package org.configspec.profile.draft;

import org.configspec.core.stats.Measured;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A speed measured while the machine was busy is flagged: load average near or above the CPU count, CPU steal, or a
 * wide run-to-run spread. The /proc readings are recorded files (src/test/resources/proc), read by the real
 * {@link ProcHostLoad}.
 */
class ContentionTest {
    private static HostLoad.Sample proc(String name) throws URISyntaxException {
        return new ProcHostLoad(Path.of(ContentionTest.class.getResource("/proc/" + name).toURI())).sample();
    }

    private static final Measured STEADY = Measured.median("tok/s", 600, 610, 620, 615, 605);

    @Test
    void procFilesAreReadIntoLoadStealAndCpuCount() throws Exception {
        HostLoad.Sample s = proc("steal-end");
        assertThat(s.loadAverage1()).isEqualTo(0.85);
        assertThat(s.stealTicks()).isEqualTo(500);
        assertThat(s.totalTicks()).isEqualTo(10900 + 50 + 3100 + 200100 + 100 + 20 + 500);
        assertThat(s.cpus()).isEqualTo(2);
        HostLoad.Sample none = new ProcHostLoad(Path.of("/nonexistent-proc")).sample();
        assertThat(none.loadAverage1()).isEqualTo(-1);
        assertThat(none.totalTicks()).isZero();
    }

    @Test
    void aQuietMachineWithASteadySpeedIsNotFlagged() throws Exception {
        Contention c = Contention.judge(proc("quiet-start"), proc("quiet-end"), STEADY);
        assertThat(c.busy()).isFalse();
        assertThat(c.summary()).isEmpty();
    }

    @Test
    void aLoadAverageAboveTheCpusLessAHalfIsFlagged() throws Exception {
        Contention c = Contention.judge(proc("quiet-start"), proc("busy-end"), STEADY);
        assertThat(c.reasons()).containsExactly("1-min load average 0.12 at start, 2.61 at end on 2 CPUs (limit 1.5)");
    }

    @Test
    void cpuStealIsFlagged() throws Exception {
        Contention c = Contention.judge(proc("quiet-start"), proc("steal-end"), STEADY);
        assertThat(c.reasons()).containsExactly("CPU steal 31.3 % of the CPU time (limit 5 %)");
    }

    @Test
    void aWideRunToRunSpreadIsFlagged() throws Exception {
        Measured wide = Measured.median("tok/s", 300, 600, 610, 620, 615);
        Contention c = Contention.judge(proc("quiet-start"), proc("quiet-end"), wide);
        assertThat(c.reasons()).hasSize(1);
        assertThat(c.reasons().get(0)).startsWith("run-to-run spread 52 % of the median tok/s");
    }
}

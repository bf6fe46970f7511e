package org.configspec.profile.draft;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProcSelfTest {

    @Test
    void cpuModelComesFromModelNameElseTheBoardLines() {
        assertThat(ProcSelf.cpuModel(List.of("processor\t: 0", "model name\t: AMD EPYC 7B13", "model name\t: other")))
                .isEqualTo("AMD EPYC 7B13");
        // Raspberry Pi OS (arm64): no "model name", a "Model" line at the end
        assertThat(ProcSelf.cpuModel(List.of("processor\t: 0", "BogoMIPS\t: 108.00", "",
                "Model\t\t: Raspberry Pi 5 Model B Rev 1.0"))).isEqualTo("Raspberry Pi 5 Model B Rev 1.0");
        assertThat(ProcSelf.cpuModel(List.of("processor\t: 0"))).startsWith("unknown (");
    }

    @Test
    void statusValuesAreKilobytes() {
        assertThat(ProcSelf.parseKb("\t  123456 kB")).isEqualTo(123456);
        assertThat(ProcSelf.rssBytes()).isPositive();
        assertThat(ProcSelf.peakRssBytes()).isGreaterThanOrEqualTo(ProcSelf.rssBytes() / 2);
    }
}

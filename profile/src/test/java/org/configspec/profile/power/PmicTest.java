package org.configspec.profile.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.configspec.core.error.ConfigSpecException;
import org.junit.jupiter.api.Test;

class PmicTest {
    static final String PI5 = Fixtures.text("pmic/pi5-pmic_read_adc.txt");

    static double expectedSum() {
        // the 12 rails of the recorded Pi 5 output, V·I each
        return 0.05855580 * 3.61069200 + 0.06148359 * 3.29982600 + 0.13272650 * 1.81684800 + 0.13955800 * 1.10109800
                + 0.00980400 * 0.60366240 + 0.19811380 * 1.10292900 + 0.34157550 * 0.80292960 + 5.03652000 * 0.89369880
                + 0.00006105 * 3.29944700 + 0.00054945 * 3.30402600 + 0.00531135 * 0.79618980 + 0.02161170 * 4.92450000;
    }

    @Test
    void pairsCurrentAndVoltageRailsByNameNotByChannelNumber() {
        List<PmicRail> rails = PmicParser.parse(PI5, "vcgencmd pmic_read_adc");
        assertThat(rails).hasSize(12);
        assertThat(rails).extracting(PmicRail::name).doesNotContain("EXT5V", "BATT");
        PmicRail core = rails.stream().filter(r -> r.name().equals("VDD_CORE")).findFirst().orElseThrow();
        assertThat(core.amps()).isEqualTo(5.03652);   // current(7)
        assertThat(core.volts()).isEqualTo(0.8936988); // volt(15)
        assertThat(rails.stream().mapToDouble(PmicRail::watts).sum()).isCloseTo(expectedSum(), within(1e-12));
    }

    @Test
    void pairingDoesNotDependOnLineOrder() {
        List<String> lines = new ArrayList<>(PI5.lines().toList());
        Collections.shuffle(lines, new Random(7));
        double shuffled = PmicParser.parse(String.join("\n", lines), "x").stream().mapToDouble(PmicRail::watts).sum();
        assertThat(shuffled).isCloseTo(expectedSum(), within(1e-12));
    }

    @Test
    void commandNotRegisteredIsAClearErrorNamingTheCommand() {
        assertThatThrownBy(() -> PmicParser.parse(Fixtures.text("pmic/command-not-registered.txt"), "vcgencmd pmic_read_adc"))
                .isInstanceOf(ConfigSpecException.class)
                .hasMessageContaining("'vcgencmd pmic_read_adc' answered 'error=1 error_msg=\"Command not registered\"'")
                .hasMessageContaining("Raspberry Pi 5");
    }

    @Test
    void calibrationIsGainTimesSumPlusOffset() {
        var source = new PmicSource(Fixtures.answering(PI5, 0), PmicSource.DEFAULT_COMMAND, PmicCalibration.PITOP_EXAMPLE);
        assertThat(source.readWatts()).isCloseTo(1.1451 * expectedSum() + 0.5879, within(1e-9));
        assertThat(source.info().method()).contains("1.1451 × Σ + 0.5879 W");
    }

    @Test
    void defaultCalibrationIsIdentityAndSaysItIsUncalibrated() {
        var source = new PmicSource(Fixtures.answering(PI5, 0), PmicSource.DEFAULT_COMMAND, PmicCalibration.IDENTITY);
        assertThat(source.readWatts()).isCloseTo(expectedSum(), within(1e-12));
        assertThat(source.info().rails()).hasSize(12).contains("VDD_CORE", "DDR_VDD2");
        assertThat(source.info().caveat()).contains("uncalibrated");
    }

    @Test
    void readsThroughARealSubprocessPrintingTheRecordedOutput() {
        var source = new PmicSource(new ProcessCommandRunner(), Fixtures.script("pmic/fake-vcgencmd.sh"), PmicCalibration.IDENTITY);
        assertThat(source.readWatts()).isCloseTo(expectedSum(), within(1e-12));
    }

    @Test
    void theOlderNameEqualsValueFormIsAccepted() {
        var rails = PmicParser.parse("VDD_CORE_V=0.8750V\nVDD_CORE_A=1.2340A\n", "x");
        assertThat(rails).containsExactly(new PmicRail("VDD_CORE", 1.234, 0.875));
    }

    @Test
    void aNonPositiveGainIsRejected() {
        assertThatThrownBy(() -> new PmicCalibration(0, 0)).isInstanceOf(ConfigSpecException.class).hasMessageContaining("gain");
    }
}

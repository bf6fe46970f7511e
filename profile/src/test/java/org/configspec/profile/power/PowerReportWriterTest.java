package org.configspec.profile.power;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.configspec.core.json.MachineJson;
import org.junit.jupiter.api.Test;

class PowerReportWriterTest {
    static PowerReport report() {
        var m = new EnergyMeasurement(2.0, 16.0, 5.0, 6.0, 8.0, 21, 7.5, 8.5, "ESTIMATE: model", List.of("cpu (modelled)"), true,
                "ESTIMATE from CPU utilisation");
        return new PowerReport("cpu-model", 1.0, "cpu (1 thread)", m,
                new AutoSelection(MeterKind.CPU_MODEL, "no sensor", List.of("rapl (absent)")));
    }

    @Test
    void tableGivesEveryNumberWithItsUnitAndFlagsTheEstimate() {
        String t = PowerReportWriter.table(report());
        assertThat(t).contains("cpu-model (ESTIMATE, not a measurement)")
                .contains("idle baseline  5.000 W (mean over 1.00 s before the window)")
                .contains("window         2.000 s, load: cpu (1 thread)")
                .contains("mean power     8.000 W (readings from 7.500 W to 8.500 W)")
                .contains("gross energy   16.000 J")
                .contains("net energy     6.000 J (above the idle baseline)")
                .contains("auto chose cpu-model: no sensor; skipped: rapl (absent)");
    }

    @Test
    void counterMetersHaveNoPowerSpreadAndJsonSaysNull() throws Exception {
        var m = EnergyMeasurement.of(new WindowEnergy(2.0, 20.0, 2), 4.0,
                new MeterInfo("rapl", "RAPL", List.of("package-0 (intel-rapl:0)"), false, ""));
        var r = new PowerReport("rapl", 1.0, "idle", m, null);
        assertThat(PowerReportWriter.table(r)).contains("10.000 W (energy counter: no instantaneous readings)")
                .contains("net energy     12.000 J").doesNotContain("selected");
        JsonNode j = MachineJson.strict().readTree(PowerReportWriter.json(r));
        assertThat(j.get("minWatts").isNull()).isTrue();
        assertThat(j.has("autoSelection")).isFalse();
    }

    @Test
    void jsonKeysCarryTheUnits() throws Exception {
        JsonNode j = MachineJson.strict().readTree(PowerReportWriter.json(report()));
        assertThat(j.get("estimate").asBoolean()).isTrue();
        assertThat(j.get("grossJoules").asDouble()).isEqualTo(16.0);
        assertThat(j.get("netJoules").asDouble()).isEqualTo(6.0);
        assertThat(j.get("idleWatts").asDouble()).isEqualTo(5.0);
        assertThat(j.get("windowSeconds").asDouble()).isEqualTo(2.0);
        assertThat(j.get("autoSelection").get("chosen").asText()).isEqualTo("cpu-model");
        assertThat(j.get("rails").get(0).asText()).isEqualTo("cpu (modelled)");
        assertThat(j.get("minWatts").asDouble()).isEqualTo(7.5);
        assertThat(j.get("maxWatts").asDouble()).isEqualTo(8.5);
    }
}

package org.configspec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.configspec.core.json.MachineJson;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** configspec simulate: the output's contract, determinism per seed, and bad input. */
class SimulateCommandTest {
    private static final String ONE = "simulate --target Qwen3-32B --device RPi~5 --draft Qwen3-0.6B --quant Q8_0 -k 4";

    @Test
    void jsonHasAClientsObjectWithGoodputPercentilesAndIsTheSameForTheSameSeed() {
        Run a = Run.line(ONE + " --clients 40 --verifiers 2 --duration 120s --seed 9 --policy bandit --rtt 30ms"
                + " --rtt-sigma 0.4 --format json");
        assertThat(a.code()).as(a.err()).isZero();
        JsonNode j = MachineJson.readTree(a.out(), "simulate output");
        JsonNode g = j.get("clients").get("goodput_tok_s");
        for (String f : new String[] {"mean", "p50", "p95", "p99"}) {
            assertThat(g.get(f).asDouble()).as(f).isPositive();
        }
        assertThat(g.get("p50").asDouble()).isLessThanOrEqualTo(g.get("p95").asDouble());
        assertThat(j.get("verifiers").get("utilisation").asDouble()).isBetween(0.0, 1.0);
        assertThat(j.get("setup").get("acceptance").asText()).contains("i.i.d.");
        assertThat(Run.line(ONE + " --clients 40 --verifiers 2 --duration 120s --seed 9 --policy bandit --rtt 30ms"
                + " --rtt-sigma 0.4 --format json").out()).isEqualTo(a.out());
    }

    @Test
    void aClientSweepIsOneRowPerClientCount() {
        Run r = Run.line(ONE + " --verifiers 1 --duration 60s --sweep clients=1,8,64 --format csv");
        assertThat(r.code()).as(r.err()).isZero();
        String[] lines = r.out().split("\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[1]).startsWith("1,1,");
        assertThat(lines[3]).startsWith("64,1,");
        // 64 clients on one verifier wait for each other: less goodput each than one client alone
        double alone = Double.parseDouble(lines[1].split(",")[2]);
        double crowded = Double.parseDouble(lines[3].split(",")[2]);
        assertThat(crowded).isLessThan(alone);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--device RPi~9|--device: unknown value 'RPi 9'; the catalog has: Jetson AGX Orin, RPi 4B, RPi 5",
        "--draft Phi-3|--draft: unknown value 'Phi-3'; the catalog has:",
        "--policy greedy|Invalid value for option '--policy': expected one of [FIXED, BACKOFF, OPTIMAL, BANDIT, TRACKING]",
        "--rtt-sigma -0.5|--rtt-sigma = -0.5: allowed a finite number >= 0",
        "--rtt -5ms|Invalid value for option '--rtt': '-5ms' is not a duration in [0, 1 h]",
        "--sweep nodes=1,2|--sweep 'nodes=1,2': allowed clients=N,N,... or verifiers=N,N,...",
        "--sweep clients=1,-3|--sweep clients: '-3' is not a positive whole number",
        "--clients 0|--clients = 0: allowed 1..1000000",
        "--rtt-after 50ms|--rtt-switch-at and --rtt-after go together; give both",
    })
    void badInputIsOneLineAndExitTwo(String extra, String expected) {
        String line = ONE + " " + extra;
        if (extra.startsWith("--device") || extra.startsWith("--draft")) {
            line = line.replace(extra.startsWith("--device") ? "--device RPi~5" : "--draft Qwen3-0.6B", "");
            line = line.replace("  ", " ");
        }
        Run r = Run.line(line);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains(expected);
        assertThat(r.err().strip().lines().count()).isEqualTo(1);
    }
}

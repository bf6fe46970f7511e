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

    private static final String MIX = "simulate --target Qwen3-32B --mix RPi~5/Qwen3-0.6B/Q8_0/k4=3,"
            + "Jetson~AGX~Orin/Qwen3-1.7B/Q4_K_M/tracking=1 --clients 8 --duration 60s";

    @Test
    void aMixPrintsEachClassAndOverallInJsonAndTable() {
        Run j = Run.line(MIX + " --format json");
        assertThat(j.code()).as(j.err()).isZero();
        JsonNode root = MachineJson.readTree(j.out(), "simulate output");
        JsonNode classes = root.get("classes");
        assertThat(classes).hasSize(2);
        assertThat(classes.get(0).get("class").asText()).isEqualTo("RPi 5/Qwen3-0.6B/Q8_0/k4");
        assertThat(classes.get(0).get("count").asInt()).isEqualTo(6);
        assertThat(classes.get(1).get("count").asInt()).isEqualTo(2);
        assertThat(classes.get(1).get("goodput_tok_s").get("mean").asDouble())
                .isGreaterThan(classes.get(0).get("goodput_tok_s").get("mean").asDouble());
        assertThat(root.get("clients").get("goodput_tok_s").get("p50").asDouble()).isPositive();
        Run t = Run.line(MIX);
        assertThat(t.code()).as(t.err()).isZero();
        assertThat(t.out()).startsWith("simulated: a mix of 2 client classes -> Qwen3-32B\n")
                .contains("\nJetson AGX Orin/Qwen3-1.7B/Q4_K_M/tracking ").contains("\noverall ");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "RPi~5/Qwen3-0.6B/Q8_0/k4=0|--mix: the weights sum to 0.0 (allowed weights >= 0 that sum to a positive number)",
        "RPi~9/Qwen3-0.6B/Q8_0/k4=1|--mix entry 'RPi 9/Qwen3-0.6B/Q8_0/k4=1': --device: unknown value 'RPi 9'",
        "RPi~5/Phi-3/k4=1|--mix entry 'RPi 5/Phi-3/k4=1': --draft: unknown value 'Phi-3'",
        "RPi~5/Qwen3-0.6B/Q8_0/greedy=1|--mix entry 'RPi 5/Qwen3-0.6B/Q8_0/greedy=1': unknown policy 'greedy'",
    })
    void aBadMixIsOneLineAndExitTwo(String mix, String expected) {
        assertOneLineExitTwo(Run.line("simulate --target Qwen3-32B --mix " + mix), expected);
    }

    private static void assertOneLineExitTwo(Run r, String expected) {
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains(expected);
        assertThat(r.err().strip().lines().count()).isEqualTo(1);
    }

    @Test
    void withoutMixDeviceDraftAndKAreStillRequired() {
        Run r = Run.line("simulate --target Qwen3-32B --draft Qwen3-0.6B --quant Q8_0 -k 4");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Missing required option: '--device=NAME'");
        Run k = Run.line("simulate --target Qwen3-32B --device RPi~5 --draft Qwen3-0.6B --quant Q8_0");
        assertThat(k.code()).isEqualTo(2);
        assertThat(k.err()).contains("Missing required option: '--k=K'");
    }

    @Test
    void poissonSessionsWithPromptsReportSessionsAndWaits() {
        Run r = Run.line(ONE + " --arrival poisson --rate 0.5/s --session-tokens 50 --clients 16 --prompt-length 200"
                + " --prefill-per-token 0.5ms --duration 300s --format json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode s = MachineJson.readTree(r.out(), "simulate output").get("sessions");
        assertThat(s.get("opened").asLong()).isBetween(100L, 200L);
        assertThat(s.get("completed").asLong()).isPositive();
        // 200 prompt tokens at 0.5 ms: at least 100 ms between arrival and the first round
        assertThat(s.get("open_to_first_round_s").get("p50").asDouble()).isGreaterThanOrEqualTo(0.1);
        assertThat(s.get("workload").asText()).startsWith("Poisson arrivals, 0.5 sessions/s, 50 tokens per session");
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
        "--arrival poisson|--arrival poisson needs --rate R/s (sessions per second)",
        "--rate 2/s|--rate needs --arrival poisson",
        "--arrival poisson --rate 2/s|--arrival poisson needs --session-tokens N (how long each session decodes)",
        "--arrival poisson --rate -1/s --session-tokens 9|--rate '-1/s': allowed a number of sessions per second > 0",
        "--arrival burst|--arrival 'burst': allowed all, poisson",
        "--prompt-length lognormal:300:-1|--prompt-length lognormal:300.0:-1.0: allowed a median of 1..1048576 tokens",
        "--rtt-file /nonexistent/rtt.csv|--rtt-file /nonexistent/rtt.csv: cannot read",
        "--rtt-file /dev/null --rtt-sigma 0.3|--rtt-file and --rtt-sigma exclude each other; give one",
        "--mix RPi~5/Qwen3-1.7B/Q8_0/k2=1|--mix names each class's device, draft and quant: give --mix or --device",
    })
    void badInputIsOneLineAndExitTwo(String extra, String expected) {
        String line = ONE + " " + extra;
        if (extra.startsWith("--device") || extra.startsWith("--draft")) {
            line = line.replace(extra.startsWith("--device") ? "--device RPi~5" : "--draft Qwen3-0.6B", "");
            line = line.replace("  ", " ");
        }
        assertOneLineExitTwo(Run.line(line), expected);
    }
}

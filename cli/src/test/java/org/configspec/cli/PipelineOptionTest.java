package org.configspec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Protects --pipeline on the commands that take model options: explain, select, sweep (and its bad input). */
class PipelineOptionTest {
    private static final String[] JETSON = {"--target", "Qwen3-32B", "--device", "Jetson AGX Orin", "--draft",
        "Qwen3-0.6B", "--quant", "Q4_K_M"};

    @TempDir
    Path dir;

    @Test
    void explainSaysTheScheduleAndPrintsQAndThePipelinedRound() {
        Run plain = Run.of(args("explain", "-k", "6"));
        Run piped = Run.of(args("explain", "-k", "6", "--pipeline"));
        assertThat(piped.code()).as(piped.err()).isZero();
        assertThat(plain.out()).doesNotContain("pipelined").doesNotContain("q(K)");
        assertThat(piped.out()).contains("model: extended model: acceptance alpha, T_v = 0.5 s, billing paper,"
                + " energy drafting only, rounds pipelined").contains("q(K)").contains("round time (pipelined)");
        // T_v = 0.5 s is longer than K + 1 = 7 decodes at 98.63 tok/s: a = 7 and the round is T_v + (1 − q)·K / r_d
        assertThat(piped.out()).containsPattern("decodes while verifying +a +7 ");
        assertThat(goodput(piped.out())).isGreaterThan(goodput(plain.out()));
    }

    @Test
    void selectWithPipelineChangesGoodputAndEnergyButNotTheBill() {
        // Jetson: K + 1 decodes fit in T_v = 0.5 s, so the round is T_v + (1 − q)·K / r_d: never slower
        assertRowsCompare("Jetson AGX Orin", 1);
        // RPi 5: at long K the decode in progress when the answer comes is lost whenever the guess fails (q is small
        // there), and that costs more than the rare hit saves: some rows are slower than sequential rounds
        assertRowsCompare("RPi 5", -1);
    }

    /** Pipelined vs sequential rows of one device: same K and bill, more energy; goodput higher in all (sign 1) or lower in some (sign -1). */
    private static void assertRowsCompare(String device, int sign) {
        Run plain = Run.of("select", "--all", "--format", "csv", "--target", "Qwen3-32B", "--device", device);
        Run piped = Run.of("select", "--all", "--format", "csv", "--target", "Qwen3-32B", "--device", device, "--pipeline");
        assertThat(piped.code()).as(piped.err()).isZero();
        List<String> a = plain.out().lines().toList();
        List<String> b = piped.out().lines().toList();
        assertThat(b).hasSameSizeAs(a).hasSizeGreaterThan(10);
        int slower = 0;
        for (int i = 1; i < a.size(); i++) {
            String[] x = a.get(i).split(",");
            String[] y = b.get(i).split(",");
            assertThat(y[4]).isEqualTo(x[4]); // K
            assertThat(y[8]).as("tokens per $, row %d", i).isEqualTo(x[8]);
            assertThat(Double.parseDouble(y[9])).as("J per token (ahead drafting is paid), row %d", i)
                    .isGreaterThan(Double.parseDouble(x[9]));
            if (Double.parseDouble(y[7]) < Double.parseDouble(x[7])) {
                slower++;
            }
        }
        if (sign > 0) {
            assertThat(slower).as("pipelined rows slower than sequential on %s", device).isZero();
        } else {
            assertThat(slower).as("pipelined rows slower than sequential on %s", device).isPositive();
        }
    }

    @Test
    void sweepAcceptsPipelineAndSaysSo() {
        Run piped = Run.of("sweep", "--pipeline", "--target", "Qwen3-32B", "--device", "RPi 5", "--quant", "Q4_K_M",
                "--t-verify-values", "0.1,0.5");
        assertThat(piped.code()).as(piped.err()).isZero();
        assertThat(piped.out()).contains("rounds pipelined");
    }

    @Test
    void simulateWithPipelineSimulatesPipelinedClientsAndTheirAnalyticGoodput() {
        String[] base = {"simulate", "--target", "Qwen3-32B", "--device", "RPi 5", "--draft", "Qwen3-0.6B", "--quant",
            "Q4_K_M", "-k", "4", "--duration", "10m", "--format", "json"};
        Run plain = Run.of(base);
        String[] withFlag = java.util.Arrays.copyOf(base, base.length + 1);
        withFlag[base.length] = "--pipeline";
        Run piped = Run.of(withFlag);
        assertThat(piped.code()).as(piped.err()).isZero();
        assertThat(plain.out()).doesNotContain("\"pipelined\"");
        assertThat(piped.out()).contains("\"pipelined\" : true");
        assertThat(figure(piped.out(), "analytic_goodput_tok_s")).isGreaterThan(figure(plain.out(), "analytic_goodput_tok_s"));
        assertThat(figure(piped.out(), "analytic_goodput_tok_s")).isCloseTo(goodput(Run.of("explain", "--target",
                "Qwen3-32B", "--device", "RPi 5", "--draft", "Qwen3-0.6B", "--quant", "Q4_K_M", "-k", "4", "--pipeline")
                .out()), org.assertj.core.data.Offset.offset(1e-3));
    }

    private static double figure(String json, String field) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + field + "\" : ([0-9.eE+-]+)").matcher(json);
        assertThat(m.find()).as(field).isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void aPerPositionCurveWithoutKPlusOneIsOneLineAndExitTwo() throws IOException {
        Path mine = dir.resolve("mine.json");
        String paper = Run.of("catalog", "--format", "json").out();
        Files.writeString(mine, paper.replaceFirst("\"target\" : \"Qwen3-32B\",",
                "\"target\" : \"Qwen3-32B\", \"perPosition\" : [0.71, 0.52, 0.40],"));
        Run ok = Run.of("explain", "--catalog", mine.toString(), "--acceptance", "position", "--pipeline", "--target",
                "Qwen3-32B", "--device", "RPi 5", "--draft", "Qwen3-0.6B", "--quant", "Q8_0", "-k", "2");
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("P(L ≥ K+1) = E(K+1) − E(K)");
        Run bad = Run.of("explain", "--catalog", mine.toString(), "--acceptance", "position", "--pipeline", "--target",
                "Qwen3-32B", "--device", "RPi 5", "--draft", "Qwen3-0.6B", "--quant", "Q8_0", "-k", "3");
        assertThat(bad.code()).as(bad.err()).isEqualTo(2);
        assertThat(bad.out()).isEmpty();
        assertThat(bad.err().strip().lines()).hasSize(1);
        assertThat(bad.err()).startsWith("configspec explain: --pipeline -k 3: acceptance of Qwen3-0.6B -> Qwen3-32B"
                + " has no value at K + 1 = 4").contains("use a smaller K or --acceptance iid");
    }

    private static String[] args(String command, String... more) {
        String[] out = new String[1 + JETSON.length + more.length];
        out[0] = command;
        System.arraycopy(JETSON, 0, out, 1, JETSON.length);
        System.arraycopy(more, 0, out, 1 + JETSON.length, more.length);
        return out;
    }

    private static double goodput(String explain) {
        String line = explain.lines().filter(l -> l.strip().startsWith("goodput ")).findFirst().orElseThrow();
        return Double.parseDouble(line.strip().split(" +")[2]);
    }
}

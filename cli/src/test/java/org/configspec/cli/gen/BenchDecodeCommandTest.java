package org.configspec.cli.gen;

import org.configspec.llm.NeedsLlama;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.configspec.cli.Main;
import org.junit.jupiter.api.Test;

/** {@code configspec bench decode} on stories15M Q8_0 with tiny settings: its output format, and bad input. */
class BenchDecodeCommandTest {
    private static final String NUMBER = "[0-9]+\\.[0-9]";

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    @NeedsLlama
    @Test
    void printsTheDecodeTableThenTheBatchCostTable() {
        Result r = run("bench", "decode", "--models", "stories15M-q8_0", "--batch-models", "stories15M-q8_0", "-n", "4",
                "-r", "1", "--warmup", "0", "--rounds", "2", "--max-k", "2", "-t", "1", "--llama-bench", "none");
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        String[] lines = r.out().split("\n");
        assertThat(lines).hasSize(10);
        assertThat(lines[0]).startsWith("# ConfigSpec library: llama.cpp ");
        assertThat(lines[1]).isEqualTo("# llama-bench: not available (run scripts/build-llama-native)");
        assertThat(lines[2]).isEqualTo("# decode: 4 single-token decodes from an empty KV cache (context 4), 1 threads;"
                + " 2 rounds alternating ConfigSpec (0 warm-up + 1 repetitions) and llama-bench (-r 1)");
        assertThat(lines[3]).startsWith("# DECODE = llama_decode only");
        assertThat(lines[4]).isEqualTo(String.format("%-20s %-30s %-30s %-24s %s", "MODEL", "CONFIGSPEC_DECODE_TOK_S",
                "CONFIGSPEC_GREEDY_TOK_S", "LLAMA_BENCH_TOK_S", "RATIO_DECODE"));
        String speed = NUMBER + " \\[" + NUMBER + "\\.\\." + NUMBER + "\\] \\(n=2\\)";
        assertThat(lines[5]).matches("stories15M-q8_0 +" + speed + " +" + speed + " +- +-");
        assertThat(lines[6]).isEqualTo("# batch cost on stories15M-q8_0 after a 5-token prefix, 1 threads, flash"
                + " attention AUTO, KV F16, medians of 5 (+0 warm-up): batch of K with logits on every row vs one token"
                + " and vs K sequential single-token decodes");
        assertThat(lines[7]).isEqualTo("K    BATCH_MS     SEQUENTIAL_MS  BATCH/ONE_TOKEN  SEQUENTIAL/BATCH");
        assertThat(lines[8]).matches("1 +[0-9.]+ +[0-9.]+ +1\\.00 +[0-9.]+");
        assertThat(lines[9]).matches("2 +[0-9.]+ +[0-9.]+ +[0-9.]+ +[0-9.]+");
    }

    @Test
    void aBadValueIsOneLineWithExitCode2() {
        Result r = run("bench", "decode", "--kv-type", "q4", "--llama-bench", "none");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().trim()).contains("Invalid value for option '--kv-type'", "but was 'q4'").doesNotContain("\n");
        Result n = run("bench", "decode", "-n", "0", "--llama-bench", "none");
        assertThat(n.code()).isEqualTo(2);
        assertThat(n.err().trim()).endsWith("-n = 0: allowed 1..4096");
    }
}

package org.configspec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Protects the contract of select --all --format csv and the default command. */
class SelectCommandTest {
    @Test
    void allCsvHasExactlyTheDocumentedColumnsAndOneRowPerConfiguration() {
        Run run = Run.of("select", "--all", "--format", "csv");
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("target,device,draft,quant,k,alpha,tokens_per_round,goodput_tok_s,tokens_per_usd,joules_per_token");
        // 2 targets × (RPi 4B, RPi 5, Jetson) × their drafts (5 Llama variants, 8 Qwen3 variants) × K = 2..10
        assertThat(lines).hasSize(1 + 2 * 0 + (5 + 8) * 3 * 9);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            assertThat(cells).hasSize(10);
            boolean rpi4 = cells[1].equals("RPi 4B");
            assertThat(cells[9].isEmpty()).as("joules_per_token empty exactly where power is unknown: %s", line).isEqualTo(rpi4);
        }
        assertThat(lines).anyMatch(l -> l.startsWith("Qwen3-32B,Jetson AGX Orin,Qwen3-0.6B,Q4_K_M,10,"));
        assertThat(lines.stream().map(l -> l.split(",")[2]).distinct())
                .contains("Qwen3-0.6B", "Llama-3.2-1B-Instruct", "Llama-3.1-8B-Instruct");
    }

    @Test
    void defaultCommandShowsThePapersFindings() {
        Run run = Run.of();
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("Best goodput", "Best tokens per $", "Best energy per token",
                "Qwen3-32B: 2 on RPi 4B, 7 on RPi 5, 10 on Jetson AGX Orin",
                "the largest draft wins in 6 of 6 pairs", "the smallest draft wins in 4 of 4 pairs");
    }

    @Test
    void constraintsExcludeAndSayWhy() {
        Run run = Run.of("select", "--device", "RPi 5", "--target", "Qwen3-32B", "--min-goodput", "3.5",
                "--max-j-per-token", "1.0");
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("excluded", "goodput below 3.5 tok/s");
        Run json = Run.of("select", "--format", "json", "--device", "RPi 5", "--target", "Qwen3-32B", "--min-goodput", "3.5");
        assertThat(json.out()).contains("\"minGoodputTokS\" : 3.5");
        Arrays.stream(json.out().split("\"goodput_tok_s\" : ")).skip(1)
                .map(s -> Double.parseDouble(s.substring(0, s.indexOf(','))))
                .forEach(g -> assertThat(g).isGreaterThanOrEqualTo(3.5));
    }
}

package org.configspec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad input gets one clear line on stderr, nothing on stdout, and exit code 2; no stack traces. */
class UserErrorsTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "select --device RPi~9|--device: unknown value 'RPi 9'; the catalog has: Jetson AGX Orin, RPi 4B, RPi 5",
        "select --draft Phi-3|--draft: unknown value 'Phi-3'",
        "select --k-min 0|--k-min must be >= 1, got 0",
        "select --k-min 5 --k-max 3|--k-max must be >= --k-min",
        "select --t-verify -1|Invalid value for option '--t-verify': '-1' is not a duration in [0, 1 h]",
        "select --price-output 0|--price-output must be a positive number, got 0.0",
        "select --format xml|'xml' is not a format; allowed: table, csv, json",
        "select --catalog /does/not/exist.json|catalog /does/not/exist.json: no such file",
        "select --billing gpu-hour|target 'Llama-3.1-70B' has no GPU price",
        "select --acceptance magic|Invalid value for option '--acceptance': expected one of [AUTO, ALPHA, POSITION, IID] (case-insensitive) but was 'magic'",
        "select --weights 1,x,1|--weights must be three numbers",
        "explain --target Qwen3-32B --device RPi~5 --draft Qwen3-0.6B -k 3|--quant is needed",
        "explain --target Qwen3-32B --device RPi~5 --draft Qwen3-0.6B --quant Q8_0 -k 1|is not measured at K = 1",
        "sweep --t-verify-values 0.1,abc|'abc' is not a duration (allowed",
        "nonsense|Unmatched argument at index 0: 'nonsense'",
    })
    void userErrorsExitTwoWithOneLine(String commandLine, String expected) {
        assertOneLineError(Run.line(commandLine), expected);
    }

    @Test
    void badCatalogFilesNameFileFieldAndValue() throws IOException {
        Path bad = dir.resolve("bad.json");
        String paper = Run.of("catalog", "--format", "json").out();
        Files.writeString(bad, paper.replaceFirst("\"value\" : 0.5626628714250547", "\"value\" : -0.2"));
        assertOneLineError(Run.of("select", "--catalog", bad.toString()),
                "catalog " + bad + ": acceptance[0]: acceptance Qwen3-0.6B -> Qwen3-32B: alpha at K=2 must be in [0, 1], got -0.2");
        Files.writeString(bad, "not json");
        assertOneLineError(Run.of("select", "--catalog", bad.toString()), "catalog " + bad + ": malformed JSON at line 1");
        Files.writeString(bad, paper.replace("\"draftProfiles\"", "\"profiles\""));
        assertOneLineError(Run.of("catalog", "--catalog", bad.toString()), "profiles: unknown field; allowed:");
    }

    @Test
    void aUserCatalogInTheSameFormatWorks() throws IOException {
        Path mine = dir.resolve("mine.json");
        String paper = Run.of("catalog", "--format", "json").out();
        Files.writeString(mine, paper.replace("\"outputPerMTok\" : 0.59", "\"outputPerMTok\" : 1.18"));
        Run run = Run.of("select", "--catalog", mine.toString(), "--target", "Qwen3-32B", "--device", "RPi 5", "--format", "csv");
        assertThat(run.code()).isZero();
        Run base = Run.of("select", "--target", "Qwen3-32B", "--device", "RPi 5", "--format", "csv");
        // doubling the price halves tokens per $ and leaves goodput alone
        String ours = run.out().lines().skip(1).findFirst().orElseThrow();
        String theirs = base.out().lines().skip(1).findFirst().orElseThrow();
        assertThat(ours.split(",")[8]).isEqualTo(theirs.split(",")[8]);
        assertThat(Double.parseDouble(ours.split(",")[9]) * 2).isCloseTo(Double.parseDouble(theirs.split(",")[9]),
                org.assertj.core.data.Offset.offset(1e-3));
    }

    private static void assertOneLineError(Run run, String expected) {
        assertThat(run.code()).as("exit code; stderr: %s", run.err()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).containsPattern("^configspec( [a-z]+)*: ").contains(expected).doesNotContain("\tat ").endsWith("\n");
        assertThat(run.err().strip().lines()).hasSize(1);
    }
}

package org.configspec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Locks the machine-readable output formats (CSV and JSON) against golden files in src/test/resources/golden.
 * After a deliberate format change, regenerate with {@code mvn -pl cli test -Dgolden.update=true} and review the diff.
 */
class GoldenOutputTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "select-all.csv|select --all --format csv",
        "select.csv|select --format csv",
        "select.json|select --format json",
        "select-all-qwen-rpi5.json|select --all --format json --target Qwen3-32B --device RPi~5",
        "sweep.csv|sweep --format csv",
        "sweep-jetson.json|sweep --format json --device Jetson~AGX~Orin --quant Q4_K_M --t-verify-values 0.1,1",
        "select-extended.csv|select --format csv --k-min 1 --k-max 16 --acceptance iid --rtt 40ms --verify-per-token 0.01 --t-verify 0.2 --billing predicted-outputs --energy-wait --idle-power 3 --min-goodput 2",
        "explain.json|explain --format json --target Llama-3.1-70B --device Jetson~AGX~Orin --draft Llama-3.2-1B-Instruct -k 8",
        "catalog.csv|catalog --format csv",
    })
    void outputMatchesGoldenFile(String file, String commandLine) throws IOException {
        Run run = Run.line(commandLine);
        assertThat(run.err()).isEmpty();
        assertThat(run.code()).isZero();
        Path golden = GOLDEN.resolve(file);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(golden, run.out(), StandardCharsets.UTF_8);
        }
        assertThat(golden).as("golden file %s (regenerate with -Dgolden.update=true)", golden).exists();
        assertThat(run.out()).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
}

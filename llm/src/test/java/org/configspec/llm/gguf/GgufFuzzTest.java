package org.configspec.llm.gguf;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.configspec.llm.model.ModelInfo;
import org.configspec.llm.model.ModelInspector;

/**
 * Coverage-guided fuzzing of the pure-Java GGUF check that runs before llama.cpp ever sees a file
 * ({@link ModelInspector#inspect}: {@link GgufReader}, the architecture, {@link HyperParameters}): any bytes give a
 * model description or one {@link GgufException} line; any other exception (an arithmetic overflow, an
 * out-of-memory from a declared length the file cannot hold) or a hang is a finding. No native code is loaded here.
 * The build replays the committed inputs (a tiny llama GGUF with stories15M's hyper-parameters and known-bad
 * variants, in src/test/resources/org/configspec/llm/gguf/GgufFuzzTestInputs); {@code scripts/fuzz} fuzzes.
 */
class GgufFuzzTest {
    private static final Path FILE = tempFile();

    private static Path tempFile() {
        try {
            Path dir = Files.createTempDirectory("gguf-fuzz");
            dir.toFile().deleteOnExit();
            Path f = dir.resolve("model.gguf");
            f.toFile().deleteOnExit();
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "60s")
    void anyBytesGiveAModelOrOneGgufErrorLine(byte[] bytes) throws IOException {
        Files.write(FILE, bytes);
        ModelInfo info;
        try {
            info = ModelInspector.inspect(FILE);
        } catch (GgufException e) {
            assertThat(e.getMessage()).contains(FILE.toString()).doesNotContain("\n");
            return;
        }
        assertThat(info.fileSize()).isEqualTo(bytes.length);
        assertThat(info.blockCount()).isBetween(1, HyperParameters.MAX_LAYERS);
        assertThat(info.parameterCount()).isNotNegative();
    }
}

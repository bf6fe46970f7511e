package org.configspec.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.core.json.MachineJson;

/**
 * Coverage-guided fuzzing of {@link CatalogReader#read}: any bytes in a catalog file give a {@link Catalog} or one
 * {@link ConfigSpecException} line naming the file; any other exception, a multi-line message or a hang is a finding.
 * The build replays the committed inputs (src/test/resources/org/configspec/core/catalog/CatalogReaderFuzzTestInputs,
 * the paper catalog and known-bad documents); {@code scripts/fuzz} fuzzes for a bounded time.
 */
class CatalogReaderFuzzTest {
    private static final Path FILE = tempFile();

    private static Path tempFile() {
        try {
            Path dir = Files.createTempDirectory("catalog-fuzz");
            dir.toFile().deleteOnExit();
            Path f = dir.resolve("catalog.json");
            f.toFile().deleteOnExit();
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "60s")
    void anyBytesGiveACatalogOrOneErrorLine(byte[] bytes) throws IOException {
        Files.write(FILE, bytes);
        Catalog c;
        try {
            c = CatalogReader.read(FILE);
        } catch (ConfigSpecException e) {
            assertThat(e.getMessage()).startsWith("catalog " + FILE + ": ").doesNotContain("\n");
            return;
        }
        assertThat(c).isNotNull();
        // what was read is written back, and that reads back to the same document
        String written = CatalogWriter.toJson(c);
        assertThat(CatalogWriter.toJson(CatalogReader.parse(MachineJson.readTree(written, "again"), "again")))
                .isEqualTo(written);
    }
}

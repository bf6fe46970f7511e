package org.configspec.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.configspec.core.error.ConfigSpecException;

/**
 * Coverage-guided fuzzing of {@code store import} ({@link JsonLines#importChecked} into a real SQLite store): any file
 * gives an {@link ImportReport} or one {@link ConfigSpecException} line naming the file, and a refused file leaves
 * the store exactly as it was (nothing partially imported); after an import the store holds exactly what it held plus
 * the documents the report counts as inserted. Any other exception or a hang is a finding. The build replays
 * src/test/resources/org/configspec/store/StoreImportFuzzTestInputs; {@code scripts/fuzz} fuzzes.
 */
class StoreImportFuzzTest {
    private static final Path DIR = tempDir();
    private static final Path FILE = DIR.resolve("export.jsonl");
    private static final ProfileStore STORE = SqliteProfileStore.open(DIR.resolve("store.db"));

    private static Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("store-fuzz");
            dir.toFile().deleteOnExit();
            dir.resolve("export.jsonl").toFile().deleteOnExit();
            dir.resolve("store.db").toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "60s")
    void anyLinesGiveAReportOrOneErrorLineAndNothingPartial(byte[] bytes) throws IOException {
        Files.write(FILE, bytes);
        List<ProfileDocument> before = STORE.list(ProfileFilter.ALL);
        ImportReport report;
        try {
            report = JsonLines.importChecked(STORE, FILE);
        } catch (ConfigSpecException e) {
            assertThat(e.getMessage()).startsWith("import " + FILE).doesNotContain("\n");
            assertThat(STORE.list(ProfileFilter.ALL)).isEqualTo(before);
            return;
        }
        List<ProfileDocument> after = STORE.list(ProfileFilter.ALL);
        assertThat(after).hasSize(before.size() + report.inserted()).containsAll(before);
        assertThat(report.read()).isEqualTo(report.inserted() + report.duplicates() + report.conflicts().size());
    }
}

package org.configspec.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commands that only read: a catalog that is not a regular file (a named pipe would block for ever) and a store path
 * that does not exist are one-line errors with exit code 2, and nothing is created on disk.
 */
class ReadOnlyInputsTest {
    @TempDir
    Path dir;

    private static void oneLineError(Run r, String expected) {
        assertThat(r.code()).as("exit code; stderr: %s", r.err()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).contains(expected).doesNotContain("\n");
    }

    @Test
    void aCatalogThatIsANamedPipeIsRefusedInsteadOfBlocking() throws Exception {
        Path fifo = dir.resolve("catalog.json");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertThat(p.waitFor()).isZero();
        Run r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> Run.of("select", "--catalog", fifo.toString()));
        oneLineError(r, "catalog " + fifo + ": not a regular file");
        oneLineError(Run.of("select", "--catalog", dir.toString()), "catalog " + dir + ": not a regular file");
    }

    @Test
    void aMistypedStorePathIsAnErrorForCommandsThatOnlyReadAndCreatesNothing() throws IOException {
        Path absent = dir.resolve("typo/profiles.db");
        oneLineError(Run.of("store", "list", "--store", absent.toString()), "store " + absent + ": no such file");
        oneLineError(Run.of("store", "show", "x", "--store", absent.toString()), "no such file");
        oneLineError(Run.of("store", "export", dir.resolve("out.jsonl").toString(), "--store", absent.toString()), "no such file");
        oneLineError(Run.of("select", "--store", absent.toString(), "--price-output", "0.9"), "no such file");
        assertThat(dir.resolve("typo")).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }
}

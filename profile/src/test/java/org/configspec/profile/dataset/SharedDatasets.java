package org.configspec.profile.dataset;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds ../shared/datasets: walks up from the working directory to an ancestor holding shared/datasets/dolly. */
final class SharedDatasets {
    static final String DOLLY_FILE = "databricks-dolly-15k.dedup.jsonl";

    private SharedDatasets() {
    }

    static Path dolly() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/datasets/dolly");
            if (Files.isDirectory(candidate)) {
                Path file = candidate.resolve(DOLLY_FILE);
                if (!Files.isRegularFile(file)) {
                    throw new IllegalStateException("found " + candidate + " but not " + DOLLY_FILE + " in it");
                }
                return file;
            }
        }
        throw new IllegalStateException("the Dolly dataset is missing: no shared/datasets/dolly/" + DOLLY_FILE
                + " in " + start + " or any ancestor (expected the project's ../shared checkout next to the worktree)");
    }
}

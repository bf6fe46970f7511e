package org.configspec.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The paper authors' reference CSVs in ../shared/reference/configspec-authors (found by walking up from the working directory). */
public final class ReferenceData {
    private ReferenceData() {
    }

    public static Path dir() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null) {
            for (Path candidate : List.of(p.resolve("shared/reference/configspec-authors"),
                    p.resolveSibling("shared").resolve("reference/configspec-authors"))) {
                if (Files.isDirectory(candidate)) {
                    return candidate;
                }
            }
            p = p.getParent();
        }
        throw new IllegalStateException("reference data shared/reference/configspec-authors not found above "
                + Path.of("").toAbsolutePath() + "; the checkout needs ../shared beside it");
    }

    /** Rows of a simple CSV (no quoted commas in these files), keyed by header. */
    public static List<Map<String, String>> csv(String file) {
        try {
            List<String> lines = Files.readAllLines(dir().resolve(file));
            String[] header = lines.get(0).split(",", -1);
            List<Map<String, String>> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                    row.put(header[i], i < cells.length ? cells[i] : "");
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.configspec.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The paper authors' reference CSVs, test resources of this module (core/src/test/resources/reference/configspec-authors,
 * MIT; its README.md says where they come from), read from the classpath.
 */
public final class ReferenceData {
    static final String DIR = "/reference/configspec-authors/";

    private ReferenceData() {
    }

    /** Rows of a simple CSV (no quoted commas in these files), keyed by header. */
    public static List<Map<String, String>> csv(String file) {
        List<String> lines = lines(file);
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
    }

    private static List<String> lines(String file) {
        try (InputStream in = ReferenceData.class.getResourceAsStream(DIR + file)) {
            if (in == null) {
                throw new IllegalStateException("reference file " + DIR + file + " is not on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("reference file " + DIR + file + " unreadable", e);
        }
    }
}

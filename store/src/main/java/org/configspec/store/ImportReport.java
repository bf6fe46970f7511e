package org.configspec.store;

import java.util.List;

/**
 * What an import did.
 *
 * @param read       documents read from the file
 * @param inserted   documents newly stored
 * @param duplicates documents the store already held unchanged (skipped)
 * @param conflicts  ids the store holds with a different document (skipped, the stored one stays)
 */
public record ImportReport(int read, int inserted, int duplicates, List<String> conflicts) {
    public ImportReport {
        conflicts = List.copyOf(conflicts);
    }

    public String summary() {
        return "read " + read + ", imported " + inserted + ", already present " + duplicates + ", conflicting (skipped) "
                + conflicts.size() + (conflicts.isEmpty() ? "" : ": " + String.join(", ", conflicts));
    }
}

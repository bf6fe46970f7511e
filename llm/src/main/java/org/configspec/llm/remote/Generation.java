package org.configspec.llm.remote;

import java.util.List;

/**
 * A greedy continuation from a remote target: the generated ids and, when top-N was asked for, one row per generated
 * position (row i lists the distribution that produced {@code ids[i]}).
 */
public record Generation(int[] ids, List<PositionTop> rows, Usage usage) {
    public Generation {
        ids = ids.clone();
        rows = List.copyOf(rows);
        if (!rows.isEmpty() && rows.size() != ids.length) {
            throw new IllegalArgumentException(rows.size() + " log-probability rows for " + ids.length
                    + " generated tokens; allowed none or one per token");
        }
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).chosen() != ids[i]) {
                throw new IllegalArgumentException("row " + i + " is for token " + rows.get(i).chosen()
                        + " but token " + ids[i] + " was generated");
            }
        }
    }

    @Override
    public int[] ids() {
        return ids.clone();
    }
}

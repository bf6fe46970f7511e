package org.configspec.report;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table with a header row; numeric-looking cells are right-aligned. */
public final class TextTable {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public TextTable(String... header) {
        this.header = List.of(header);
    }

    public TextTable row(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, header " + header.size());
        }
        List<String> r = new ArrayList<>();
        for (Object c : cells) {
            r.add(String.valueOf(c));
        }
        rows.add(r);
        return this;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    public String render(String indent) {
        int[] width = new int[header.size()];
        boolean[] numeric = new boolean[header.size()];
        for (int j = 0; j < header.size(); j++) {
            width[j] = header.get(j).length();
            numeric[j] = !rows.isEmpty();
        }
        for (List<String> r : rows) {
            for (int j = 0; j < r.size(); j++) {
                width[j] = Math.max(width[j], r.get(j).length());
                numeric[j] &= r.get(j).matches("[-+0-9.,]+|n/a|");
            }
        }
        StringBuilder sb = new StringBuilder();
        line(sb, indent, header, width, new boolean[header.size()]);
        for (List<String> r : rows) {
            line(sb, indent, r, width, numeric);
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, String indent, List<String> cells, int[] width, boolean[] right) {
        StringBuilder l = new StringBuilder(indent);
        for (int j = 0; j < cells.size(); j++) {
            String c = cells.get(j);
            String pad = " ".repeat(width[j] - c.length());
            l.append(right[j] ? pad + c : c + pad);
            if (j < cells.size() - 1) {
                l.append("  ");
            }
        }
        sb.append(l.toString().stripTrailing()).append('\n');
    }
}

package org.configspec.report;

import java.util.List;

/** RFC 4180 CSV lines: cells with a comma, quote or line break are quoted. */
public final class Csv {
    private Csv() {
    }

    public static String line(List<String> cells) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            String c = cells.get(i);
            if (c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r")) {
                sb.append('"').append(c.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(c);
            }
        }
        return sb.append('\n').toString();
    }

    public static String line(String... cells) {
        return line(List.of(cells));
    }
}

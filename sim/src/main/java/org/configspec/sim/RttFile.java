package org.configspec.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.configspec.core.error.ConfigSpecException;

/**
 * Reads measured round trips for {@link RttModel.Empirical} ({@code --rtt-file}). Two formats:
 * <ul>
 *   <li>the per-round CSV of {@code configspec run --rounds-csv} (serve/src/main/java/org/configspec/serve/metrics/
 *       RoundCsv.java): the network's round trip of each round is {@code round_trip_s − verifier_s} (the verifier's
 *       own queueing and decoding is what the simulator adds itself), at least 0; a file without {@code verifier_s}
 *       values is refused, since its round trips include the verifier;</li>
 *   <li>a plain file of one round trip in seconds per line (blank lines and lines starting with # are skipped).</li>
 * </ul>
 * A negative, non-numeric or missing value is an error naming the file and line.
 */
public final class RttFile {
    private RttFile() {
    }

    public static RttModel.Empirical read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException | RuntimeException e) {
            throw new ConfigSpecException("--rtt-file " + file + ": cannot read (" + e.getMessage() + ")");
        }
        int first = 0;
        while (first < lines.size() && skip(lines.get(first))) {
            first++;
        }
        if (first < lines.size() && lines.get(first).contains("round_trip_s")) {
            return new RttModel.Empirical(fromRoundCsv(file, lines, first), file.toString());
        }
        List<Double> out = new ArrayList<>();
        for (int i = first; i < lines.size(); i++) {
            if (!skip(lines.get(i))) {
                out.add(value(file, i, lines.get(i).trim()));
            }
        }
        return new RttModel.Empirical(out.stream().mapToDouble(Double::doubleValue).toArray(), file.toString());
    }

    private static double[] fromRoundCsv(Path file, List<String> lines, int header) {
        List<String> cols = Arrays.asList(lines.get(header).trim().split(","));
        int rt = cols.indexOf("round_trip_s");
        int ver = cols.indexOf("verifier_s");
        List<Double> out = new ArrayList<>();
        for (int i = header + 1; i < lines.size(); i++) {
            if (skip(lines.get(i))) {
                continue;
            }
            String[] f = lines.get(i).split(",", -1);
            if (ver < 0 || f.length <= Math.max(rt, ver) || f[ver].isBlank()) {
                throw new ConfigSpecException("--rtt-file " + file + " line " + (i + 1) + ": no verifier_s value (allowed:"
                        + " a --rounds-csv file with the verifier's time per round, or one round trip in seconds per line)");
            }
            out.add(Math.max(0, value(file, i, f[rt].trim()) - value(file, i, f[ver].trim())));
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static boolean skip(String line) {
        String t = line.trim();
        return t.isEmpty() || t.startsWith("#");
    }

    private static double value(Path file, int index, String text) {
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            v = Double.NaN;
        }
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new ConfigSpecException("--rtt-file " + file + " line " + (index + 1) + ": '" + text
                    + "' (allowed a round trip in seconds, >= 0)");
        }
        return v;
    }
}

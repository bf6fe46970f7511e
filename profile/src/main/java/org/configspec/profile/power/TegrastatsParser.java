package org.configspec.profile.power;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.configspec.core.error.ConfigSpecException;

/**
 * Parses the power rails of one {@code tegrastats} line: {@code <RAIL> <instant>mW/<average>mW} (JetPack 5/6, e.g.
 * {@code VDD_GPU_SOC 1995mW/1995mW}) or {@code <RAIL> <instant>/<average>} without units (JetPack 4, e.g. {@code
 * POM_5V_IN 2545/2547}, also mW). The instantaneous value is used. {@code RAM 1313/30697MB}, {@code SWAP},
 * {@code IRAM} and other fields carry a unit glued to the number and are not rails.
 */
public final class TegrastatsParser {
    private static final Pattern RAIL = Pattern.compile("\\b([A-Z][A-Z0-9_]*)\\s+(\\d+)(?:mW)?/(\\d+)(?:mW)?(?=\\s|$)");

    private TegrastatsParser() {
    }

    /** Rail name → instantaneous power (mW), in line order; throws when the line has no power rail. */
    public static Map<String, Double> railsMilliwatts(String line, String where) {
        Map<String, Double> out = new LinkedHashMap<>();
        Matcher m = RAIL.matcher(line);
        while (m.find()) {
            String name = m.group(1);
            if (name.equals("RAM") || name.equals("SWAP") || name.equals("IRAM")) {
                continue;
            }
            out.put(name, Double.parseDouble(m.group(2)));
        }
        if (out.isEmpty()) {
            String shown = line.length() > 120 ? line.substring(0, 120) + "…" : line;
            throw new ConfigSpecException(where + ": no power rail ('NAME <mW>mW/<mW>mW' or 'NAME <mW>/<mW>') in tegrastats line '"
                    + shown.trim() + "'; run tegrastats as root on a Jetson");
        }
        return out;
    }

    /** Rail name → W. */
    public static Map<String, Double> railsWatts(String line, String where) {
        Map<String, Double> mw = railsMilliwatts(line, where);
        Map<String, Double> w = new LinkedHashMap<>();
        mw.forEach((k, v) -> w.put(k, v / 1e3));
        return w;
    }
}

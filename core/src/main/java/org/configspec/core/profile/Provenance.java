package org.configspec.core.profile;

/**
 * Where a profile's numbers come from. Empty strings where unknown.
 *
 * @param source      a human-readable source (paper, file, tool run)
 * @param tool        tool and version that measured ("llama.cpp 80fb11a", "configspec 0.1.0")
 * @param modelSha256 sha256 of the model file
 * @param powerMethod how power was measured ("pmic", "jtop", "rapl", "estimate", ...)
 * @param threads     threads used, or 0 where unknown
 * @param date        ISO date of the measurement
 */
public record Provenance(String source, String tool, String modelSha256, String powerMethod, int threads, String date) {
    public Provenance {
        source = source == null ? "" : source;
        tool = tool == null ? "" : tool;
        modelSha256 = modelSha256 == null ? "" : modelSha256;
        powerMethod = powerMethod == null ? "" : powerMethod;
        date = date == null ? "" : date;
    }

    public static Provenance of(String source) {
        return new Provenance(source, "", "", "", 0, "");
    }
}

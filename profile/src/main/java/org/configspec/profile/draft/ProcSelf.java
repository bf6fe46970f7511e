package org.configspec.profile.draft;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reads this process's memory ({@code /proc/self/status}) and the CPU model ({@code /proc/cpuinfo}) on Linux; 0 or
 * {@code unknown} elsewhere. Memory figures are process-wide.
 */
public final class ProcSelf {
    private ProcSelf() { }

    /** VmRSS in bytes (current resident set of the process), 0 when unavailable. */
    public static long rssBytes() {
        return statusKb("VmRSS") * 1024;
    }

    /** VmHWM in bytes (peak resident set of the process so far), 0 when unavailable. */
    public static long peakRssBytes() {
        return statusKb("VmHWM") * 1024;
    }

    /** VmRSS in bytes of process {@code pid} (e.g. a server under load), 0 when unavailable. */
    public static long rssBytesOf(long pid) {
        return statusKb(Path.of("/proc", Long.toString(pid), "status"), "VmRSS") * 1024;
    }

    static long statusKb(String key) {
        return statusKb(Path.of("/proc/self/status"), key);
    }

    private static long statusKb(Path status, String key) {
        try {
            for (String line : Files.readAllLines(status, StandardCharsets.UTF_8)) {
                if (line.startsWith(key + ":")) {
                    return parseKb(line.substring(key.length() + 1));
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    /** "   12345 kB" → 12345. */
    static long parseKb(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.endsWith("kb")) {
            v = v.substring(0, v.length() - 2).trim();
        }
        return Long.parseLong(v);
    }

    /** The CPU model: first "model name" of {@code /proc/cpuinfo} (else "Hardware"/"Model", e.g. on ARM boards). */
    public static String cpuModel() {
        try {
            return cpuModel(Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return "unknown (" + System.getProperty("os.arch") + ")";
        }
    }

    static String cpuModel(List<String> cpuinfo) {
        for (String key : List.of("model name", "Model", "Hardware", "cpu model")) {
            for (String line : cpuinfo) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equals(key)) {
                    String v = line.substring(colon + 1).trim();
                    if (!v.isEmpty()) {
                        return v;
                    }
                }
            }
        }
        return "unknown (" + System.getProperty("os.arch") + ")";
    }
}

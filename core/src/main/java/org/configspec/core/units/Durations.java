package org.configspec.core.units;

import java.time.Duration;
import java.util.Locale;
import org.configspec.core.error.ConfigSpecException;

/**
 * The one parser of durations given as text (every duration option of the CLI, the link's durations): "50ms",
 * "0.05s" and a plain "0.05" (seconds) are the same duration; "250us", "5m" and "1h" work too. Durations lie in
 * [0, {@link #MAX}].
 */
public final class Durations {
    /** The longest duration accepted. */
    public static final Duration MAX = Duration.ofHours(1);

    private static final String ALLOWED = "allowed: seconds in [0, 3600] as 0.05 or 0.05s, or 50ms, 250us, 5m, 1h";

    private Durations() {
    }

    /** Parses a duration in [0, 1 h]; the error names the value and what is allowed, on one line. */
    public static Duration parse(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        double scale = 1;
        if (v.endsWith("ms")) {
            scale = 1e-3;
            v = v.substring(0, v.length() - 2);
        } else if (v.endsWith("us")) {
            scale = 1e-6;
            v = v.substring(0, v.length() - 2);
        } else if (v.endsWith("s")) {
            v = v.substring(0, v.length() - 1);
        } else if (v.endsWith("m")) {
            scale = 60;
            v = v.substring(0, v.length() - 1);
        } else if (v.endsWith("h")) {
            scale = 3600;
            v = v.substring(0, v.length() - 1);
        }
        double seconds;
        try {
            seconds = Double.parseDouble(v.trim()) * scale;
        } catch (NumberFormatException e) {
            throw new ConfigSpecException("'" + value + "' is not a duration (" + ALLOWED + ")");
        }
        if (!(seconds >= 0) || seconds > MAX.getSeconds()) {
            throw new ConfigSpecException("'" + value + "' is not a duration in [0, 1 h] (" + ALLOWED + ")");
        }
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }

    /** Parses a duration in [0, 1 h]; {@code flag} names the option in errors. */
    public static Duration parse(String value, String flag) {
        try {
            return parse(value);
        } catch (ConfigSpecException e) {
            throw new ConfigSpecException("bad duration for " + flag + ": " + e.getMessage());
        }
    }

    /** The duration in seconds. */
    public static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    /** Checks a duration given through the API; {@code what} names it in errors. */
    public static Duration check(Duration d, String what) {
        if (d == null || d.isNegative() || d.compareTo(MAX) > 0) {
            throw new ConfigSpecException("bad " + what + ": " + (d == null ? "null" : format(d))
                    + " (allowed: a duration in [0, 1 h])");
        }
        return d;
    }

    /** "50 ms", "1.5 s", "250 us". */
    public static String format(Duration d) {
        long nanos = d.toNanos();
        if (Math.abs(nanos) >= 1_000_000_000L) {
            return trim(nanos / 1e9) + " s";
        }
        if (Math.abs(nanos) >= 1_000_000L || nanos == 0) {
            return trim(nanos / 1e6) + " ms";
        }
        return trim(nanos / 1e3) + " us";
    }

    private static String trim(double x) {
        String s = String.format(Locale.ROOT, "%.3f", x);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}

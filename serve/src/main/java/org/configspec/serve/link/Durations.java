package org.configspec.serve.link;

import java.time.Duration;
import java.util.Locale;
import org.configspec.core.error.ConfigSpecException;

/** Parses and prints the link's durations: "50ms", "0.05s" and a plain "0.05" (seconds) are the same duration. */
public final class Durations {
    /** The longest duration a link option accepts. */
    public static final Duration MAX = Duration.ofHours(1);

    private Durations() {
    }

    /** Parses a duration in [0, 1 h]; {@code flag} names the option in errors. */
    public static Duration parse(String value, String flag) {
        String allowed = " (allowed: seconds in [0, 3600] as 0.05, 0.05s, 50ms or 50us)";
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
        }
        double seconds;
        try {
            seconds = Double.parseDouble(v.trim()) * scale;
        } catch (NumberFormatException e) {
            throw new ConfigSpecException("bad duration for " + flag + ": '" + value + "'" + allowed);
        }
        if (!(seconds >= 0) || seconds > MAX.getSeconds()) {
            throw new ConfigSpecException("bad duration for " + flag + ": '" + value + "'" + allowed);
        }
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }

    /** Checks a duration given through the API; {@code what} names it in errors. */
    static Duration check(Duration d, String what) {
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

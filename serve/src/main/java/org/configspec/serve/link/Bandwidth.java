package org.configspec.serve.link;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.configspec.core.error.ConfigSpecException;

/**
 * A link rate in bits per second of TCP payload ({@link #UNLIMITED} = no limit). Header overhead is not charged:
 * at a 1460-byte MSS real links carry about 3 % less payload than their nominal rate.
 *
 * <p>Units (decimal, 10^3 steps), exactly as Linux {@code tc} writes them, so netem command lines carry over:
 * a plain number, {@code bit}, {@code kbit}, {@code mbit}, {@code gbit} are <b>bits</b> per second ({@code 10mbit}
 * = 10^7 bit/s); {@code bps}, {@code kbps}, {@code mbps}, {@code gbps} are <b>bytes</b> per second, as in tc
 * ({@code 1mbps} = 10^6 B/s = 8·10^6 bit/s). The slash forms say it with the letter case: {@code b/s}, {@code kb/s},
 * {@code Mb/s}, {@code Gb/s} bits; {@code B/s}, {@code kB/s}, {@code MB/s}, {@code GB/s} bytes. Anything else —
 * notably {@code Mbps}, which people use for megabits but tc reads as megabytes — is rejected rather than guessed.
 */
public record Bandwidth(double bitsPerSecond) {
    public static final Bandwidth UNLIMITED = new Bandwidth(Double.POSITIVE_INFINITY);

    private static final Map<String, Double> UNITS = Map.ofEntries(
            Map.entry("", 1.0), Map.entry("bit", 1.0), Map.entry("kbit", 1e3), Map.entry("mbit", 1e6),
            Map.entry("gbit", 1e9), Map.entry("bps", 8.0), Map.entry("kbps", 8e3), Map.entry("mbps", 8e6),
            Map.entry("gbps", 8e9), Map.entry("b/s", 1.0), Map.entry("kb/s", 1e3), Map.entry("Mb/s", 1e6),
            Map.entry("Gb/s", 1e9), Map.entry("B/s", 8.0), Map.entry("kB/s", 8e3), Map.entry("KB/s", 8e3),
            Map.entry("MB/s", 8e6), Map.entry("GB/s", 8e9));

    private static final Pattern NUMBER_UNIT =
            Pattern.compile("([0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\\s*([A-Za-z/]*)");

    private static final String ALLOWED = " (allowed: a rate > 0 as 10mbit, 500kbit or 1000000 = bits/s;"
            + " 1mbps or 1MB/s = bytes/s as in tc; or 'unlimited')";

    public Bandwidth {
        if (!(bitsPerSecond > 0)) {
            throw new ConfigSpecException("bad bandwidth: " + bitsPerSecond + " bit/s" + ALLOWED);
        }
    }

    public static Bandwidth bitsPerSecond(double bps) {
        return new Bandwidth(bps);
    }

    /** Parses a rate; {@code flag} names the option in errors (null: the caller names it). */
    public static Bandwidth parse(String value, String flag) {
        String v = value == null ? "" : value.trim();
        if (v.equalsIgnoreCase("unlimited")) {
            return UNLIMITED;
        }
        Matcher m = NUMBER_UNIT.matcher(v);
        if (!m.matches()) {
            throw new ConfigSpecException("bad bandwidth" + forFlag(flag) + ": '" + value + "'" + ALLOWED);
        }
        Double scale = UNITS.get(m.group(2));
        if (scale == null) {
            throw new ConfigSpecException("bad bandwidth unit" + forFlag(flag) + ": '" + value + "'" + ALLOWED);
        }
        double x = Double.parseDouble(m.group(1));
        double bps = x * scale;
        if (!(bps > 0) || Double.isInfinite(bps)) {
            throw new ConfigSpecException("bad bandwidth" + forFlag(flag) + ": '" + value + "'" + ALLOWED);
        }
        return new Bandwidth(bps);
    }

    static String forFlag(String flag) {
        return flag == null ? "" : " for " + flag;
    }

    public boolean unlimited() {
        return Double.isInfinite(bitsPerSecond);
    }

    /** Nanoseconds to serialise {@code bytes} at this rate (0 when unlimited). */
    public long serialisationNanos(long bytes) {
        return unlimited() ? 0 : Math.round(bytes * 8e9 / bitsPerSecond);
    }

    @Override
    public String toString() {
        if (unlimited()) {
            return "unlimited";
        }
        double b = bitsPerSecond;
        if (b >= 1e9) {
            return fmt(b / 1e9) + " Gbit/s";
        }
        if (b >= 1e6) {
            return fmt(b / 1e6) + " Mbit/s";
        }
        if (b >= 1e3) {
            return fmt(b / 1e3) + " kbit/s";
        }
        return fmt(b) + " bit/s";
    }

    private static String fmt(double x) {
        String s = String.format(Locale.ROOT, "%.3f", x).replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}

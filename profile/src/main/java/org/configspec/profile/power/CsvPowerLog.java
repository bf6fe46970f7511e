package org.configspec.profile.power;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.configspec.core.error.ConfigSpecException;

/**
 * An external meter's log: CSV rows {@code timestamp,watts} (a header row is allowed), the timestamp either Unix
 * epoch seconds (decimals allowed) or ISO-8601 with an offset ({@code 2026-11-28T16:00:00.250Z}). {@link
 * #energyBetween} integrates the samples trapezoidally over exactly a window, interpolating linearly at its edges.
 */
public record CsvPowerLog(String source, List<TimedWatts> samples) {
    /** One row: seconds since the Unix epoch and watts. */
    public record TimedWatts(double epochSeconds, double watts) {
    }

    public CsvPowerLog {
        samples = List.copyOf(samples);
    }

    public static CsvPowerLog read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new ConfigSpecException("cannot read meter CSV " + file + ": " + e.getMessage());
        }
    }

    public static CsvPowerLog parse(String text, String source) {
        List<TimedWatts> out = new ArrayList<>();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("[,;\\t]");
            if (f.length < 2) {
                throw new ConfigSpecException("meter CSV " + source + " line " + (i + 1) + ": '" + line
                        + "' has no 'timestamp,watts' pair");
            }
            Double t = timestamp(f[0].trim());
            Double w = number(f[1].trim());
            if (t == null || w == null) {
                if (out.isEmpty() && i == firstContentLine(lines)) {
                    continue; // header
                }
                throw new ConfigSpecException("meter CSV " + source + " line " + (i + 1) + ": '" + line
                        + "' is not 'timestamp (epoch s or ISO-8601),watts (W)'");
            }
            if (!out.isEmpty() && t < out.get(out.size() - 1).epochSeconds()) {
                throw new ConfigSpecException("meter CSV " + source + " line " + (i + 1) + ": timestamp goes back in time");
            }
            out.add(new TimedWatts(t, w));
        }
        if (out.size() < 2) {
            throw new ConfigSpecException("meter CSV " + source + " has " + out.size() + " sample(s); at least 2 are needed");
        }
        return new CsvPowerLog(source, out);
    }

    private static int firstContentLine(String[] lines) {
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].trim();
            if (!l.isEmpty() && !l.startsWith("#")) {
                return i;
            }
        }
        return -1;
    }

    private static Double number(String s) {
        try {
            double d = Double.parseDouble(s);
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Double timestamp(String s) {
        Double n = number(s);
        if (n != null) {
            return n;
        }
        try {
            Instant t = OffsetDateTime.parse(s).toInstant();
            return t.getEpochSecond() + t.getNano() / 1e9;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Energy (J) over [t0, t1] (epoch seconds), with linear interpolation at both edges. */
    public WindowEnergy energyBetween(double t0, double t1) {
        TimedWatts first = samples.get(0);
        TimedWatts last = samples.get(samples.size() - 1);
        if (t1 < t0) {
            throw new IllegalArgumentException("window end " + t1 + " s before start " + t0 + " s");
        }
        if (first.epochSeconds() > t0 || last.epochSeconds() < t1) {
            throw new ConfigSpecException("meter CSV " + source + " covers " + Instant.ofEpochMilli((long) (first.epochSeconds() * 1000))
                    + " to " + Instant.ofEpochMilli((long) (last.epochSeconds() * 1000)) + " but the window was "
                    + Instant.ofEpochMilli((long) (t0 * 1000)) + " to " + Instant.ofEpochMilli((long) (t1 * 1000))
                    + "; start the meter's log before and stop it after the measurement");
        }
        List<PowerSample> pts = new ArrayList<>();
        pts.add(new PowerSample(0, wattsAt(t0)));
        for (TimedWatts s : samples) {
            if (s.epochSeconds() > t0 && s.epochSeconds() < t1) {
                pts.add(new PowerSample(Math.round((s.epochSeconds() - t0) * 1e9), s.watts()));
            }
        }
        pts.add(new PowerSample(Math.round((t1 - t0) * 1e9), wattsAt(t1)));
        return WindowEnergy.of(t1 - t0, Trapezoid.joules(pts), pts);
    }

    /** Power (W) at time t by linear interpolation between the neighbouring rows. */
    public double wattsAt(double t) {
        for (int i = 1; i < samples.size(); i++) {
            TimedWatts a = samples.get(i - 1);
            TimedWatts b = samples.get(i);
            if (t >= a.epochSeconds() && t <= b.epochSeconds()) {
                double span = b.epochSeconds() - a.epochSeconds();
                return span == 0 ? b.watts() : a.watts() + (b.watts() - a.watts()) * (t - a.epochSeconds()) / span;
            }
        }
        throw new IllegalArgumentException("time " + t + " s outside the log");
    }
}

package org.configspec.cli.options;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses a duration in seconds: "0.5", "0.5s", "50ms". */
public final class Seconds implements ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        double scale = 1;
        if (v.endsWith("ms")) {
            scale = 1e-3;
            v = v.substring(0, v.length() - 2);
        } else if (v.endsWith("s")) {
            v = v.substring(0, v.length() - 1);
        }
        try {
            double d = Double.parseDouble(v.trim()) * scale;
            if (!(d >= 0) || Double.isInfinite(d)) {
                throw new TypeConversionException("'" + value + "' is not a duration >= 0 (seconds, e.g. 0.5 or 50ms)");
            }
            return d;
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a duration (seconds, e.g. 0.5 or 50ms)");
        }
    }
}

package org.configspec.core.stats;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import org.configspec.core.error.ConfigSpecException;

/** How the samples of a {@link Measured} quantity were condensed into its value. */
public enum Aggregation {
    /** Arithmetic mean of the samples. */
    MEAN,
    /** Sample median (the middle order statistic, or the mean of the two middle ones). */
    MEDIAN;

    /** The lower-case name written in every machine format: {@code mean} or {@code median}. */
    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code mean} or {@code median}; {@code field} names the origin in the error. */
    public static Aggregation parse(String field, String text) {
        for (Aggregation a : values()) {
            if (a.label().equals(text)) {
                return a;
            }
        }
        throw new ConfigSpecException(field + " must be \"mean\" or \"median\", got \"" + text + "\"");
    }
}

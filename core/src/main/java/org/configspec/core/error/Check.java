package org.configspec.core.error;

/** Validation helpers for compact constructors: each failure names the field and the bad value. */
public final class Check {
    private Check() {
    }

    public static String name(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new ConfigSpecException(field + " must be a non-empty name, got " + (value == null ? "nothing" : "'" + value + "'"));
        }
        return value;
    }

    public static double positive(String field, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new ConfigSpecException(field + " must be a positive finite number, got " + value);
        }
        return value;
    }

    public static double nonNegative(String field, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new ConfigSpecException(field + " must be a finite number >= 0, got " + value);
        }
        return value;
    }

    public static double probability(String field, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new ConfigSpecException(field + " must be in [0, 1], got " + value);
        }
        return value;
    }

    public static int atLeast(String field, int value, int min) {
        if (value < min) {
            throw new ConfigSpecException(field + " must be >= " + min + ", got " + value);
        }
        return value;
    }

    public static <T> T present(String field, T value) {
        if (value == null) {
            throw new ConfigSpecException(field + " is missing");
        }
        return value;
    }
}

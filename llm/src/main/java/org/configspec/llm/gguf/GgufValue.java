package org.configspec.llm.gguf;

import java.util.List;
import java.util.Objects;

/**
 * A typed GGUF metadata value. Scalars hold a boxed Java value (integers of every width as {@link Long} — unsigned
 * 64-bit values wrap — floats as {@link Double}, BOOL as {@link Boolean}, STRING as {@link String}); arrays hold the
 * element type and an immutable list of such values.
 */
public record GgufValue(GgufValueType type, GgufValueType elementType, Object value) {

    public GgufValue {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        if (type == GgufValueType.ARRAY) {
            Objects.requireNonNull(elementType, "elementType");
            value = List.copyOf((List<?>) value);
        } else if (elementType != null) {
            throw new IllegalArgumentException("elementType is only for ARRAY values, got " + elementType);
        }
    }

    public static GgufValue of(GgufValueType type, Object value) {
        return new GgufValue(type, null, value);
    }

    public static GgufValue string(String s) {
        return of(GgufValueType.STRING, s);
    }

    public static GgufValue uint32(long v) {
        return of(GgufValueType.UINT32, v);
    }

    public static GgufValue float32(double v) {
        return of(GgufValueType.FLOAT32, v);
    }

    public static GgufValue bool(boolean v) {
        return of(GgufValueType.BOOL, v);
    }

    public static GgufValue array(GgufValueType elementType, List<?> values) {
        return new GgufValue(GgufValueType.ARRAY, elementType, values);
    }

    /** Integer value (any integer width). */
    public long asLong() {
        if (value instanceof Long) {
            return (Long) value;
        }
        throw new IllegalStateException("not an integer: " + type);
    }

    public String asString() {
        if (value instanceof String) {
            return (String) value;
        }
        throw new IllegalStateException("not a string: " + type);
    }

    public List<?> asList() {
        if (value instanceof List) {
            return (List<?>) value;
        }
        throw new IllegalStateException("not an array: " + type);
    }

    @Override
    public String toString() {
        if (type == GgufValueType.ARRAY) {
            List<?> l = asList();
            return "[" + elementType + " x " + l.size() + "]";
        }
        return String.valueOf(value);
    }
}

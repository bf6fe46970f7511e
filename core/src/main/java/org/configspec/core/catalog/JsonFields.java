package org.configspec.core.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.configspec.core.error.ConfigSpecException;

/**
 * A JSON object read with its path, so every error names its origin (e.g. {@code catalog FILE}), the field and the
 * value.
 */
final class JsonFields {
    private final String origin;
    private final String path;
    private final JsonNode node;

    JsonFields(String origin, String path, JsonNode node) {
        this.origin = origin;
        this.path = path;
        this.node = node;
        if (node == null || !node.isObject()) {
            throw error(path.isEmpty() ? "the document" : path, "must be a JSON object, got " + describe(node));
        }
    }

    String path() {
        return path;
    }

    String origin() {
        return origin;
    }

    ConfigSpecException error(String where, String what) {
        return new ConfigSpecException(origin + ": " + where + ": " + what);
    }

    ConfigSpecException error(String what) {
        return error(path.isEmpty() ? "the document" : path, what);
    }

    private String at(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    void onlyFields(String... allowed) {
        Set<String> ok = Set.of(allowed);
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!ok.contains(f)) {
                throw error(at(f), "unknown field; allowed: " + String.join(", ", new TreeSet<>(ok)));
            }
        }
    }

    boolean has(String field) {
        JsonNode v = node.get(field);
        return v != null && !v.isNull();
    }

    String string(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw error(at(field), "is missing");
        }
        if (!v.isTextual()) {
            throw error(at(field), "must be a string, got " + describe(v));
        }
        return v.asText();
    }

    String string(String field, String fallback) {
        return has(field) ? string(field) : fallback;
    }

    double number(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw error(at(field), "is missing");
        }
        if (!v.isNumber()) {
            throw error(at(field), "must be a number, got " + describe(v));
        }
        if (!Double.isFinite(v.asDouble())) {
            throw error(at(field), "must be a finite number, got " + v.asText());
        }
        return v.asDouble();
    }

    double number(String field, double fallback) {
        return has(field) ? number(field) : fallback;
    }

    /**
     * An integer in [min, max], or {@code fallback} when absent. Out-of-range values are errors naming the field and
     * the value, never wrapped (2^32 + 2 is not 2, and 2^70 is not 0).
     */
    long integer(String field, long fallback, long min, long max) {
        if (!has(field)) {
            return fallback;
        }
        JsonNode v = node.get(field);
        if (!v.isIntegralNumber()) {
            throw error(at(field), "must be an integer, got " + describe(v));
        }
        if (!v.canConvertToLong() || v.longValue() < min || v.longValue() > max) {
            throw error(at(field), "must be an integer in [" + min + ", " + max + "], got " + v.bigIntegerValue());
        }
        return v.longValue();
    }

    /** An int in [min, Integer.MAX_VALUE], or {@code fallback} when absent. */
    int count(String field, int fallback, int min) {
        return (int) integer(field, fallback, min, Integer.MAX_VALUE);
    }

    /** A byte count (>= 0), or 0 when absent. */
    long bytes(String field) {
        return integer(field, 0, 0, Long.MAX_VALUE);
    }

    JsonFields object(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw error(at(field), "is missing");
        }
        return new JsonFields(origin, at(field), v);
    }

    List<JsonFields> objects(String field, boolean required) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw error(at(field), "is missing");
            }
            return List.of();
        }
        if (!v.isArray()) {
            throw error(at(field), "must be an array, got " + describe(v));
        }
        List<JsonFields> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            out.add(new JsonFields(origin, at(field) + "[" + i + "]", v.get(i)));
        }
        return out;
    }

    double[] numbers(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return new double[0];
        }
        if (!v.isArray()) {
            throw error(at(field), "must be an array of numbers, got " + describe(v));
        }
        double[] out = new double[v.size()];
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isNumber() || !Double.isFinite(v.get(i).asDouble())) {
                throw error(at(field) + "[" + i + "]", "must be a finite number, got " + describe(v.get(i)));
            }
            out[i] = v.get(i).asDouble();
        }
        return out;
    }

    private static String describe(JsonNode v) {
        if (v == null || v.isNull()) {
            return "nothing";
        }
        String text = v.toString();
        return v.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " " + (text.length() > 40 ? text.substring(0, 40) + "..." : text);
    }
}

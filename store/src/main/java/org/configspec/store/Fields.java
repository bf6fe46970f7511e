package org.configspec.store;

import com.fasterxml.jackson.databind.JsonNode;
import org.configspec.core.error.ConfigSpecException;

/** Reads fields of a stored document; errors name the document ({@code where}) and the field path. */
record Fields(String where, String path, JsonNode node) {
    Fields {
        if (node == null || !node.isObject()) {
            throw new ConfigSpecException(where + ": " + (path.isEmpty() ? "the document" : path) + " must be a JSON object, got "
                    + (node == null || node.isMissingNode() ? "nothing" : node.getNodeType()));
        }
    }

    private String at(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    ConfigSpecException error(String field, String what) {
        return new ConfigSpecException(where + ": field " + at(field) + " " + what);
    }

    boolean has(String field) {
        return node.hasNonNull(field);
    }

    Fields object(String field) {
        if (!has(field)) {
            throw error(field, "is missing");
        }
        return new Fields(where, at(field), node.get(field));
    }

    JsonNode raw(String field) {
        if (!has(field)) {
            throw error(field, "is missing");
        }
        return node.get(field);
    }

    String string(String field) {
        JsonNode v = raw(field);
        if (!v.isTextual()) {
            throw error(field, "must be a string, got " + v);
        }
        return v.asText();
    }

    String string(String field, String fallback) {
        return has(field) ? string(field) : fallback;
    }

    double number(String field, double fallback) {
        if (!has(field)) {
            return fallback;
        }
        JsonNode v = node.get(field);
        if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw error(field, "must be a finite number, got " + v);
        }
        return v.asDouble();
    }

    /** An integer in [min, max], or {@code fallback} when absent; never wrapped (2^32 + 2 is not 2). */
    long integer(String field, long fallback, long min, long max) {
        if (!has(field)) {
            return fallback;
        }
        JsonNode v = node.get(field);
        if (!v.isIntegralNumber()) {
            throw error(field, "must be an integer, got " + v);
        }
        if (!v.canConvertToLong() || v.longValue() < min || v.longValue() > max) {
            throw error(field, "must be an integer in [" + min + ", " + max + "], got " + v.bigIntegerValue());
        }
        return v.longValue();
    }
}
